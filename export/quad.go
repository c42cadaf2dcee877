package export

// Quad is the PLOVER quad class of an event type: 1 verbal cooperation, 2
// material cooperation, 3 verbal conflict, 4 material conflict; 0 for an
// unknown type.
func (t *Tables) Quad(eventType string) int { return t.quad[eventType] }
