package arabic

// segment is a placeholder until the frequency-based segmenter lands.
func segment(norm string, taMarbuta bool) ([]string, string, []string) { return nil, norm, nil }
