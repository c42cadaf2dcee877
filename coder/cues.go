package coder

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/lexicon"
)

// Cue kinds, as written in cues.tsv.
const (
	cueNegation     = "negation"
	cueNegationVerb = "negation-verb"
	cueHypothetical = "hypothetical"
	cueFuture       = "future"
	cueThreat       = "threat"
	cueEmbed        = "embed"
	cueCondemn      = "condemn"
	cueSpeech       = "speech"
	cueAccording    = "according"
	cueHistorical   = "historical"
	cueRunningToll  = "running-toll"
	cueRelative     = "relative"
	cueClause       = "clause"
	cueCasualty     = "casualty"
	cueInjured      = "injured"
	cueNumber       = "number"
	cueApprox       = "approx-number"
	cueMultiplier   = "multiplier"
	cueAbout        = "about"
	cueNotCount     = "not-count"
	cueWounded      = "wounded"
	cueOneVictim    = "one-victim"
	cueDisaster     = "disaster"
	cueNotActor     = "not-actor"
	cueAnchor       = "anchor"
	cuePatientNoun  = "patient-noun"
	cueKill         = "kill"
	cuePassive      = "passive"
	cueAgentMarker  = "agent-marker"
	cueDoerAfter    = "doer-after"
	cueLightVerb    = "light-verb"
	cueQuotedFrom   = "quoted-from"
	cueComplement   = "complementizer"
	cueDead         = "dead"
	cuePrep         = "prep"
	cueTargetPrep   = "target-prep"
	cueVoiceAmbig   = "voice-ambiguous"
	cueFunction     = "function"
	cueCrowd        = "crowd"
	cueCrowdAct     = "crowd-act"
	cueTargetOf     = "target-of"
	cueNotEvent     = "not-event"
	cueEventPlace   = "event-place"
	cueReciprocal   = "reciprocal"
	cueDoer         = "doer"
	cuePlaceNoun    = "place-noun"
	cueNotPlace     = "not-place"
	// cueFrame lines are not phrases: they say how an event type writes
	// its target (see Frame).
	cueFrame = "frame"
	// cuePerfect is not written in cues.tsv: a cue noted "imperfect"
	// (قد) becomes it when the verb after it is past (see tenseCues).
	cuePerfect = "perfect"
)

var cueKinds = map[string]bool{
	cueNegation: true, cueNegationVerb: true, cueHypothetical: true, cueFuture: true, cueThreat: true,
	cueEmbed: true, cueCondemn: true, cueSpeech: true, cueAccording: true, cueHistorical: true, cueRunningToll: true, cueRelative: true,
	cueClause: true, cueCasualty: true, cueInjured: true, cueNumber: true, cueApprox: true,
	cueMultiplier: true, cueAbout: true, cueNotCount: true, cueWounded: true, cueOneVictim: true, cueDisaster: true, cueNotActor: true,
	cueAnchor: true, cuePatientNoun: true, cueKill: true, cuePassive: true, cueAgentMarker: true, cueDoerAfter: true, cueLightVerb: true, cueQuotedFrom: true,
	cueComplement: true, cueDead: true, cuePrep: true, cueTargetPrep: true,
	cueVoiceAmbig: true, cueFunction: true, cueCrowd: true, cueCrowdAct: true,
	cueTargetOf: true, cueNotEvent: true, cueEventPlace: true, cueReciprocal: true,
	cueDoer: true, cueFrame: true, cuePlaceNoun: true, cueNotPlace: true,
}

// quietCues are read by the death toll and the actor stop list alone: they
// are no features of the event filters, which were trained without them.
var quietCues = map[string]bool{cueMultiplier: true, cueAbout: true, cueNotCount: true, cueWounded: true,
	cueOneVictim: true, cueDisaster: true, cueNotActor: true, cueDoerAfter: true, cueLightVerb: true, cueQuotedFrom: true}

// valueCues are the kinds whose value column is a number.
var valueCues = map[string]bool{cueNumber: true, cueApprox: true, cueMultiplier: true, cueOneVictim: true}

// verbCues are the kinds whose first word is a verb lemma that is
// conjugated (past 3rd masc. sing., "present" after a slash when
// irregular), like the verbs of triggers.tsv.
var verbCues = map[string]bool{cueCrowdAct: true}

type cuePhrase struct {
	kind  string
	words []string // folded
	value int
	note  string // the value column of kinds that are not numbers
}

// Cues indexes cue phrases by their first folded word.
type Cues struct {
	byFirst map[string][]cuePhrase
	n       int
	frames  map[string]*Frame
}

// Frame is how an event type writes its target, read from the cue list's
// frame lines: "frame<TAB>PROTEST<TAB>target=marked preps=ضد". Argument
// structure differs by type (a withdrawal has no target, the direct
// object of "رفع المتظاهرون لافتات" is no target of the protest), and
// it is knowledge, so it lives in data, not in the rules.
type Frame struct {
	// Where is the frame line (file:line) and Spec its settings as
	// written, for explain.
	Where, Spec string
	// Target is "object" (a direct object, a patient noun's genitive or a
	// phrase after one of Preps), "marked" (only a phrase after a
	// target-of cue or one of Preps) or "none" (the type has no target).
	Target string
	// Preps are the folded prepositions that introduce the target; "ل"
	// stands for the clitic. Empty: the target-prep cues and ل.
	Preps map[string]bool
	// Objects are verbs (folded past stems) whose direct object is the
	// target even when Target is "marked" (رشق المتظاهرون قوات الأمن).
	Objects []string
	// Named: only a named actor (a dictionary entry, an agent phrase, an
	// entity or a person) can be the target, never a plain noun phrase.
	// What one asks for, rejects or agrees to is mostly a proposition
	// (رفض التعليق، طلب إلغاء), and only an actor is a target.
	Named bool
	// Pronoun: an object pronoun on a verb trigger is its object
	// (اعتقلته، قبض عليه), so no phrase after it is the target.
	Pronoun bool
	// Fatalities: a death toll stated in the sentence belongs to events of
	// this type (ASSAULT), and to no other.
	Fatalities bool
	// NearPlace: an event of this type whose sentence names no place
	// happened where the article last placed something (a strike, an
	// arrest, a meeting); other types (a statement, a demand) take a place
	// from the article only through their actors.
	NearPlace bool
}

// Frame targets.
const (
	targetObject = "object"
	targetMarked = "marked"
	targetNone   = "none"
)

// frameOf returns the frame of an event type; types with no frame line
// read any direct object or target preposition as the target.
func (c *Cues) frameOf(eventType string) *Frame {
	if f := c.frames[eventType]; f != nil {
		return f
	}
	return &defaultFrame
}

var defaultFrame = Frame{Target: targetObject}

// parseFrame reads the value column of a frame line.
func parseFrame(spec string) (*Frame, error) {
	f := &Frame{Target: targetObject}
	for _, kv := range strings.Fields(spec) {
		k, val, ok := strings.Cut(kv, "=")
		switch {
		case !ok:
			return nil, fmt.Errorf("frame setting %q is not key=value", kv)
		case k == "target":
			if val != targetObject && val != targetMarked && val != targetNone {
				return nil, fmt.Errorf("frame target %q: want object, marked or none", val)
			}
			f.Target = val
		case k == "preps":
			f.Preps = map[string]bool{}
			for _, w := range strings.Split(val, ",") {
				if w = arabic.Fold(strings.TrimSpace(w)); w != "" {
					f.Preps[w] = true
				}
			}
		case k == "named":
			if val != "yes" && val != "no" {
				return nil, fmt.Errorf("frame named %q: want yes or no", val)
			}
			f.Named = val == "yes"
		case k == "pronoun":
			if val != "yes" && val != "no" {
				return nil, fmt.Errorf("frame pronoun %q: want yes or no", val)
			}
			f.Pronoun = val == "yes"
		case k == "fatalities":
			if val != "yes" && val != "no" {
				return nil, fmt.Errorf("frame fatalities %q: want yes or no", val)
			}
			f.Fatalities = val == "yes"
		case k == "place":
			if val != "near" && val != "actors" {
				return nil, fmt.Errorf("frame place %q: want near or actors", val)
			}
			f.NearPlace = val == "near"
		case k == "objects":
			for _, w := range strings.Split(val, ",") {
				if w = arabic.Fold(strings.TrimSpace(w)); w != "" {
					f.Objects = append(f.Objects, w)
				}
			}
		default:
			return nil, fmt.Errorf("unknown frame setting %q", k)
		}
	}
	return f, nil
}

// LoadCues reads cues.tsv from fsys.
func LoadCues(fsys fs.FS, name string) (*Cues, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadCues(f, name)
}

// ReadCues parses the cues format (see data/cues.tsv).
func ReadCues(r io.Reader, name string) (*Cues, error) {
	c := &Cues{byFirst: map[string][]cuePhrase{}, frames: map[string]*Frame{}}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("%s:%d: want kind<TAB>phrase[<TAB>value], got %q", name, line, text)
		}
		kind := strings.TrimSpace(cols[0])
		if !cueKinds[kind] {
			return nil, fmt.Errorf("%s:%d: unknown cue kind %q", name, line, kind)
		}
		if kind == cueFrame {
			typ := strings.ToUpper(strings.TrimSpace(cols[1]))
			spec := ""
			if len(cols) > 2 {
				spec = cols[2]
			}
			f, err := parseFrame(spec)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			if typ == "" {
				return nil, fmt.Errorf("%s:%d: frame without an event type", name, line)
			}
			f.Where, f.Spec = fmt.Sprintf("%s:%d", name, line), strings.TrimSpace(spec)
			c.frames[typ] = f
			continue
		}
		words := strings.Fields(arabic.Fold(cols[1]))
		if len(words) == 0 {
			return nil, fmt.Errorf("%s:%d: empty phrase", name, line)
		}
		p := cuePhrase{kind: kind, words: words}
		if len(cols) > 2 {
			p.note = strings.TrimSpace(cols[2])
		}
		if p.note != "" && valueCues[kind] {
			v, err := strconv.Atoi(p.note)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: value %q is not a number", name, line, cols[2])
			}
			p.value = v
		}
		firsts := []string{words[0]}
		if verbCues[kind] {
			past, present, _ := strings.Cut(words[0], "/")
			firsts = lexicon.Conjugate(past, present)
		}
		for _, w := range firsts {
			q := p
			q.words = append([]string{w}, words[1:]...)
			c.byFirst[w] = append(c.byFirst[w], q)
		}
		c.n++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// Longest phrases first so that "في حال" wins over a shorter entry.
	for k, ps := range c.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
		c.byFirst[k] = ps
	}
	return c, nil
}

// cueHit is a cue found in a sentence, in token indices.
type cueHit struct {
	kind       string
	start, end int
	value      int
	note       string
}

// tokenKeys are the forms under which a token may match a dictionary word:
// the folded surface, the clitic-free stem, and the surface without a
// leading conjunction (segmentation is conservative and may keep it).
func tokenKeys(t *marsad.Token, buf []string) []string {
	buf = append(buf[:0], t.Norm)
	if t.Stem != "" && t.Stem != t.Norm {
		buf = append(buf, t.Stem)
	}
	if rest, ok := arabic.CutConjunction(t.Norm, 2); ok {
		buf = append(buf, rest)
	}
	return buf
}

// wordMatches reports whether token t can be the folded word w.
func wordMatches(t *marsad.Token, w string) bool {
	if t.Norm == w || t.Stem == w {
		return true
	}
	rest, ok := arabic.CutConjunction(t.Norm, 0)
	return ok && rest == w
}

// Find returns every cue in the tokens, longest match first at each token.
func (c *Cues) Find(toks []marsad.Token) []cueHit {
	var hits []cueHit
	var keys []string
	for i := range toks {
		keys = tokenKeys(&toks[i], keys)
		seen := map[string]bool{}
		for _, k := range keys {
			for _, p := range c.byFirst[k] {
				if i+len(p.words) > len(toks) {
					continue
				}
				ok := true
				for j := 1; j < len(p.words); j++ {
					if !wordMatches(&toks[i+j], p.words[j]) {
						ok = false
						break
					}
				}
				if ok && !seen[p.kind] {
					seen[p.kind] = true
					hits = append(hits, cueHit{kind: p.kind, start: i, end: i + len(p.words), value: p.value, note: p.note})
				}
			}
		}
	}
	return hits
}
