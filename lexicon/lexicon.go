package lexicon

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// The knowledge files, in load order: earlier files take precedence when
// two entries share a name (hand-written files come before generated ones).
const (
	FileCountries     = "countries.tsv"
	FileActorsCurated = "actors-curated.tsv"
	FileActors        = "actors.tsv"
	FileAgents        = "agents.tsv"
	FileAgentsUA      = "agents-ua.tsv"
	FileTriggers      = "triggers.tsv"
	FileTriggersCAMEO = "review/triggers-cameo.tsv"
	FilePlacesCurated = "places-curated.tsv"
	FilePlacesWorld   = "places-world.tsv"
	FilePlaces        = "places.tsv"
)

// CuratedFiles are the hand-written files; tools/builddata reads them to
// clean the generated ones.
var CuratedFiles = []string{FileCountries, FileActorsCurated, FileAgents, FileTriggers, FilePlacesCurated, FilePlacesWorld}

// AllFiles are the files Load reads. review/triggers-cameo.tsv is not
// among them (nor embedded): it is a machine-converted review list from
// which analysts copy entries into triggers.tsv.
var AllFiles = []string{FileCountries, FileActorsCurated, FileActors, FileAgents, FileAgentsUA, FileTriggers, FilePlacesCurated, FilePlacesWorld, FilePlaces}

// Agent is a word naming a kind of actor rather than an actor: "كتيبة"
// (a brigade), "العميد" (a brigadier), "مدنيون" (civilians).
type Agent struct {
	Word   string   // the first form, as written in the file
	Forms  []string // all forms: singular, plural …
	Sector string   // PLOVER sector code, e.g. REB, MIL, COP
	Label  string   // a generic English label, e.g. "armed group"
	Kind   string   // group, person-title or collective
	Armed  bool     // the word makes an armed group of what it names
	Source string   // file:line
}

// Agent kinds.
const (
	AgentGroup       = "group"
	AgentPersonTitle = "person-title"
	AgentCollective  = "collective"
)

// Trigger is an event trigger: a word or phrase that reports an event.
type Trigger struct {
	ID        string // event type and first form, e.g. "ASSAULT:قصف"
	EventType string // PLOVER event type, e.g. ASSAULT
	Mode      string // PLOVER mode, e.g. aerial; may be empty
	Context   []string
	CAMEO     string   // CAMEO code, e.g. 195; may be empty
	POS       string   // verb, noun or phrase
	Forms     []string // the forms as written (verb lemmas unexpanded)
	// Needs are constraints: "target" and "source" ask the coder for an
	// object or subject actor; "next:W1,W2" (checked here) requires one
	// of the words within the next three tokens; "not-next:W" forbids
	// them.
	Needs   []string
	Next    []string // folded keys from next:
	NotNext []string // folded keys from not-next:
	Source  string   // file:line
	// Derived is empty for an entry of the file, and says which nominal
	// form (FormVerbalNoun, FormParticiple) the lexicon derived from a
	// verb entry for the copies it matches those forms with.
	Derived string
}

// NeedsTarget reports whether the trigger only counts with an object.
func (t *Trigger) NeedsTarget() bool { return hasItem(t.Needs, "target") }

// NeedsSource reports whether the trigger only counts with a subject.
func (t *Trigger) NeedsSource() bool { return hasItem(t.Needs, "source") }

func hasItem(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Lexicon is the loaded knowledge with its matching trie. It is read-only
// after Load and safe for concurrent use.
type Lexicon struct {
	actors    []*marsad.Actor
	actorByID map[string]*marsad.Actor
	agents    []*Agent
	triggers  []*Trigger
	places    []*marsad.Place
	placeByID map[string]*marsad.Place
	iso3      map[string]string // ISO 3166 alpha-2 → alpha-3
	root      *node
	// Shadowed counts names dropped because an earlier file already used
	// them for another entry of the same kind.
	Shadowed int
}

// Stats are the sizes of a loaded lexicon.
type Stats struct {
	Actors, ActorNames, Agents, AgentForms, Triggers, TriggerForms, Places, PlaceNames, TrieNodes int
}

// Load reads every knowledge file present in fsys (see AllFiles) and
// builds the matcher. Missing files are skipped, but at least one must
// exist; parse errors name the file and line.
func Load(fsys fs.FS) (*Lexicon, error) { return LoadFiles(fsys, AllFiles...) }

// LoadFiles is Load restricted to the named files.
func LoadFiles(fsys fs.FS, files ...string) (*Lexicon, error) {
	l := &Lexicon{actorByID: map[string]*marsad.Actor{}, placeByID: map[string]*marsad.Place{}, iso3: map[string]string{}, root: newNode()}
	found := 0
	for _, name := range files {
		t, err := readOptional(fsys, name)
		if err != nil {
			return nil, err
		}
		if t == nil {
			continue
		}
		found++
		switch name {
		case FileCountries:
			err = l.addCountries(t)
		case FileActorsCurated, FileActors:
			err = l.addActors(t)
		case FileAgents, FileAgentsUA:
			err = l.addAgents(t)
		case FileTriggers, FileTriggersCAMEO:
			err = l.addTriggers(t)
		case FilePlacesCurated, FilePlacesWorld, FilePlaces:
			err = l.addPlaces(t)
		default:
			err = fmt.Errorf("%s: not a knowledge file this lexicon knows", name)
		}
		if err != nil {
			return nil, err
		}
	}
	if found == 0 {
		return nil, fmt.Errorf("no knowledge files found (looked for %s)", strings.Join(files, ", "))
	}
	return l, nil
}

var required = map[string][]string{
	FileCountries:     {"iso3", "iso2", "name", "lat", "lon", "names"},
	FileActorsCurated: {"id", "country", "sector", "side", "names", "roles"},
	FileActors:        {"id", "country", "sector", "side", "names", "roles"},
	FileAgents:        {"forms", "sector", "label", "kind", "armed"},
	FileAgentsUA:      {"forms", "sector", "label", "kind", "armed"},
	FileTriggers:      {"event_type", "mode", "context", "cameo", "pos", "forms", "needs"},
	FileTriggersCAMEO: {"event_type", "mode", "context", "cameo", "pos", "forms", "needs"},
	FilePlacesCurated: {"id", "name", "country", "admin1", "lat", "lon", "population", "kind", "names"},
	FilePlacesWorld:   {"id", "name", "country", "admin1", "lat", "lon", "population", "kind", "names"},
	FilePlaces:        {"id", "name", "country", "admin1", "lat", "lon", "population", "kind", "names"},
}

func readOptional(fsys fs.FS, name string) (*Table, error) {
	t, err := ReadTable(fsys, name, required[name]...)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return t, err
}

// ActorByID returns the actor with the given id, or nil.
func (l *Lexicon) ActorByID(id string) *marsad.Actor { return l.actorByID[id] }

// PlaceByID returns the place with the given id, or nil.
func (l *Lexicon) PlaceByID(id string) *marsad.Place { return l.placeByID[id] }

// Actors returns every actor in load order (curated first).
func (l *Lexicon) Actors() []*marsad.Actor { return l.actors }

// Places returns every place in load order (countries and curated first).
func (l *Lexicon) Places() []*marsad.Place { return l.places }

// Agents returns every agent word entry.
func (l *Lexicon) Agents() []*Agent { return l.agents }

// Triggers returns every trigger entry.
func (l *Lexicon) Triggers() []*Trigger { return l.triggers }

// ISO3 maps an ISO 3166 alpha-2 country code to alpha-3 ("LY" → "LBY"),
// or returns "" when countries.tsv does not list it.
func (l *Lexicon) ISO3(iso2 string) string { return l.iso3[strings.ToUpper(iso2)] }

// Stats counts the entries and names of the lexicon.
func (l *Lexicon) Stats() Stats {
	s := Stats{Actors: len(l.actors), Agents: len(l.agents), Triggers: len(l.triggers), Places: len(l.places)}
	for _, a := range l.actors {
		s.ActorNames += len(a.Names)
	}
	for _, a := range l.agents {
		s.AgentForms += len(a.Forms)
	}
	for _, t := range l.triggers {
		s.TriggerForms += len(t.Forms)
	}
	for _, p := range l.places {
		s.PlaceNames += len(p.Names)
	}
	var count func(n *node)
	count = func(n *node) {
		s.TrieNodes++
		for _, c := range n.next {
			count(c)
		}
	}
	count(l.root)
	return s
}

func (l *Lexicon) addCountries(t *Table) error {
	for _, r := range t.Rows {
		iso3, iso2, name := r.Get("iso3"), r.Get("iso2"), r.Get("name")
		if len(iso3) != 3 || name == "" {
			return r.Errorf("need a 3-letter iso3 code and a name, got %q %q", iso3, name)
		}
		if iso2 != "" {
			l.iso3[strings.ToUpper(iso2)] = iso3
		}
		lat, lon, err := latLon(r)
		if err != nil {
			return err
		}
		names := withFirst(name, splitList(r.Get("names"), "|"))
		demonyms := splitList(r.Get("demonyms"), "|")
		if l.actorByID[iso3] == nil {
			a := &marsad.Actor{ID: iso3, Name: name, Names: append(append([]string{}, names...), demonyms...), Country: iso3}
			l.addActor(a)
		}
		pop, err := population(r)
		if err != nil {
			return err
		}
		p := &marsad.Place{ID: "country:" + iso3, Name: name, Names: append(append([]string{}, names...), splitList(r.Get("place_only"), "|")...), Country: iso3, Lat: lat, Lon: lon, Population: pop, Kind: "country"}
		if err := l.addPlace(r, p); err != nil {
			return err
		}
	}
	return nil
}

// withFirst returns names with name in front unless already present.
func withFirst(name string, names []string) []string {
	for _, n := range names {
		if n == name {
			return names
		}
	}
	return append([]string{name}, names...)
}

var (
	codeRe = regexp.MustCompile(`^([A-Z]{3,})(?:\s+(\d{8})?-(\d{8})?)?$`)
	// nonCountry are codes that are a sector when they come first in a
	// combined code such as "MIL" or "GOVLEG".
	nonCountry = map[string]bool{
		"GOV": true, "MIL": true, "REB": true, "COP": true, "JUD": true, "LEG": true, "PTY": true, "OPP": true,
		"CVL": true, "UAF": true, "SPY": true, "ELI": true, "MED": true, "JRN": true, "REF": true, "BUS": true,
		"EDU": true, "HLH": true, "LAB": true, "REL": true, "AGR": true, "CRM": true, "DEV": true, "PRM": true,
		"PRE": true, "SOC": true, "UNK": true, "MUS": true, "CHR": true, "JEW": true, "BUD": true, "HIN": true,
		"SHI": true, "SUN": true, "ENV": true, "HRI": true, "INS": true, "MOD": true, "RAD": true, "IGO": false,
	}
)

// ParseRole parses a role: a combined code with optional dates,
// "LBYGOV 20160330-20210315", or else a free-text title.
func ParseRole(s string) marsad.Role {
	m := codeRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return marsad.Role{Title: strings.TrimSpace(s)}
	}
	country, sector := SplitCode(m[1])
	return marsad.Role{Country: country, Sector: sector, From: isoDate(m[2]), To: isoDate(m[3])}
}

// SplitCode splits a combined CAMEO-style code into country and primary
// sector: "PSEREB" → PSE, REB; "MIL" → "", MIL; "IGO" → IGO, "".
func SplitCode(code string) (country, sector string) {
	if len(code) >= 3 && !nonCountry[code[:3]] {
		country, code = code[:3], code[3:]
	}
	if len(code) >= 3 {
		sector = code[:3]
	}
	return country, sector
}

func isoDate(d string) string {
	if len(d) != 8 {
		return ""
	}
	return d[:4] + "-" + d[4:6] + "-" + d[6:]
}

func (l *Lexicon) addActors(t *Table) error {
	for _, r := range t.Rows {
		id := r.Get("id")
		names := splitList(r.Get("names"), "|")
		if id == "" || len(names) == 0 {
			return r.Errorf("an actor needs an id and at least one name")
		}
		if l.actorByID[id] != nil {
			l.Shadowed++
			continue
		}
		a := &marsad.Actor{ID: id, Name: names[0], Names: names, Country: r.Get("country"), Sector: r.Get("sector"), Side: r.Get("side")}
		for _, s := range splitList(r.Get("roles"), ";") {
			a.Roles = append(a.Roles, ParseRole(s))
		}
		l.addActor(a)
	}
	return nil
}

func (l *Lexicon) addActor(a *marsad.Actor) {
	added := false
	for _, nd := range l.nodesFor(a.Names) {
		if nd.actor != nil {
			l.Shadowed++
			continue
		}
		nd.actor = a
		added = true
	}
	if added {
		l.actors = append(l.actors, a)
		l.actorByID[a.ID] = a
	}
}

func (l *Lexicon) addAgents(t *Table) error {
	for _, r := range t.Rows {
		forms := splitList(r.Get("forms"), "|")
		if len(forms) == 0 || r.Get("sector") == "" {
			return r.Errorf("an agent needs forms and a sector")
		}
		kind := r.Get("kind")
		switch kind {
		case AgentGroup, AgentPersonTitle, AgentCollective, "":
		default:
			return r.Errorf("kind %q is not group, person-title or collective", kind)
		}
		armed := r.Get("armed")
		if armed != "" && armed != "0" && armed != "1" {
			return r.Errorf("armed must be 0 or 1, got %q", armed)
		}
		a := &Agent{Word: forms[0], Forms: forms, Sector: r.Get("sector"), Label: r.Get("label"), Kind: kind, Armed: armed == "1", Source: fmt.Sprintf("%s:%d", t.File, r.Line)}
		added := false
		for _, nd := range l.nodesFor(forms) {
			if nd.agent != nil {
				l.Shadowed++
				continue
			}
			nd.agent = a
			added = true
		}
		if added {
			l.agents = append(l.agents, a)
		}
	}
	return nil
}

var eventTypes = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true, "AID": true,
	"RETREAT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true, "THREATEN": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true,
}

// IsEventType reports whether s is one of the 16 PLOVER event types.
func IsEventType(s string) bool { return eventTypes[s] }

// ParseTriggers reads a trigger file (triggers.tsv or triggers-cameo.tsv)
// without building a matcher, for checks and tools.
func ParseTriggers(t *Table) ([]*Trigger, error) {
	var out []*Trigger
	for _, r := range t.Rows {
		tr, err := parseTrigger(r)
		if err != nil {
			return nil, err
		}
		out = append(out, tr)
	}
	return out, nil
}

func parseTrigger(r Row) (*Trigger, error) {
	tr := &Trigger{
		EventType: r.Get("event_type"), Mode: r.Get("mode"), Context: splitList(r.Get("context"), ";"),
		CAMEO: r.Get("cameo"), POS: r.Get("pos"), Forms: splitList(r.Get("forms"), "|"),
		Source: fmt.Sprintf("%s:%d", r.t.File, r.Line),
	}
	if !eventTypes[tr.EventType] {
		return nil, r.Errorf("event_type %q is not a PLOVER event type", tr.EventType)
	}
	switch tr.POS {
	case "verb", "noun", "phrase":
	default:
		return nil, r.Errorf("pos %q is not verb, noun or phrase", tr.POS)
	}
	if len(tr.Forms) == 0 {
		return nil, r.Errorf("a trigger needs at least one form")
	}
	if tr.CAMEO != "" {
		if _, err := strconv.Atoi(tr.CAMEO); err != nil {
			return nil, r.Errorf("cameo %q is not a numeric CAMEO code", tr.CAMEO)
		}
	}
	for _, n := range splitList(r.Get("needs"), ";") {
		switch {
		case n == "target" || n == "source":
			tr.Needs = append(tr.Needs, n)
		case strings.HasPrefix(n, "next:"):
			tr.Needs = append(tr.Needs, n)
			tr.Next = append(tr.Next, foldWords(strings.TrimPrefix(n, "next:"))...)
		case strings.HasPrefix(n, "not-next:"):
			tr.Needs = append(tr.Needs, n)
			tr.NotNext = append(tr.NotNext, foldWords(strings.TrimPrefix(n, "not-next:"))...)
		default:
			return nil, r.Errorf("needs %q is not target, source, next:WORDS or not-next:WORDS", n)
		}
	}
	tr.ID = tr.EventType + ":" + strings.ReplaceAll(strings.SplitN(tr.Forms[0], "/", 2)[0], " ", "_")
	return tr, nil
}

func foldWords(s string) []string {
	var out []string
	for _, w := range splitList(s, ",") {
		out = append(out, entryKeys(w)...)
	}
	return out
}

// triggerKeys expands one form of a trigger into trie key sequences: the
// first word of an Arabic verb form is conjugated ("past/present rest…").
func triggerKeys(tr *Trigger, form string) [][]string {
	words := strings.Fields(form)
	if len(words) == 0 {
		return nil
	}
	rest := entryKeys(strings.Join(words[1:], " "))
	if tr.POS != "verb" || !arabic.StartsArabic(words[0]) {
		return [][]string{entryKeys(strings.ReplaceAll(form, "/", " "))}
	}
	past, present, _ := verbParts(words[0])
	var out [][]string
	for _, v := range Conjugate(past, present) {
		out = append(out, append([]string{Canon(v)}, rest...))
	}
	return out
}

// verbParts splits a verb's first word "past/present/verbal noun"; the
// present and the verbal noun may be empty.
func verbParts(w string) (past, present, noun string) {
	past, more, _ := strings.Cut(w, "/")
	present, noun, _ = strings.Cut(more, "/")
	return past, present, noun
}

// derivedKeys are the trie key sequences of the forms the lexicon derives
// from one form of a trigger, by kind: for a verb its object-pronoun forms
// (FormWithPronoun, matched as the verb), verbal nouns with their plural
// and pronouns (FormVerbalNoun) and accusative participle (FormParticiple);
// for a one-word noun its pronoun forms.
func derivedKeys(tr *Trigger, form string) map[string][][]string {
	words := strings.Fields(form)
	if len(words) == 0 || !arabic.StartsArabic(arabic.Fold(words[0])) {
		return nil
	}
	out := map[string][][]string{}
	rest := entryKeys(strings.Join(words[1:], " "))
	add := func(kind, w string) {
		out[kind] = append(out[kind], append([]string{Canon(w)}, rest...))
	}
	if tr.POS != "verb" {
		if len(words) == 1 && !strings.Contains(form, "/") {
			for _, w := range withPronouns(words[0], Canon(arabic.Fold(words[0]))) {
				add(FormWithPronoun, w)
			}
		}
		return out
	}
	past, present, noun := verbParts(words[0])
	if len(rest) == 0 {
		for _, w := range verbWithPronouns(past, present) {
			add(FormWithPronoun, w)
		}
	}
	written := VerbalNouns(past)
	if noun != "" {
		written = append(written, noun)
	}
	var nouns []string
	for _, w := range written {
		nouns = append(nouns, arabic.Fold(w))
	}
	for i, n := range nouns {
		add(FormVerbalNoun, n)
		pl := strings.TrimSuffix(n, "ه") + "ات"
		if !strings.HasSuffix(pl, "اات") {
			add(FormVerbalNoun, pl)
		}
		if len(rest) == 0 {
			for _, w := range withPronouns(written[i], n) {
				add(FormVerbalNoun, w)
			}
			for _, w := range withPronouns(pl, pl) {
				add(FormVerbalNoun, w)
			}
		}
	}
	pt := Participle(past)
	if pt == "" && noun != "" && formII(arabic.Fold(past), arabic.Fold(noun)) {
		pt = "م" + arabic.Fold(past)
	}
	if pt != "" {
		add(FormParticiple, pt+"ا")
		if len(rest) > 0 {
			// the words after it keep the feminine from reading as a noun
			// (مشددة على ضرورة)
			add(FormParticiple, pt+"ه")
		}
	}
	return out
}

// formII reports a three-letter lemma whose given verbal noun has the form
// II pattern تفعيل (حذر → تحذير): its participle is مفعّل (محذرا).
func formII(past, noun string) bool {
	p, n := []rune(past), []rune(noun)
	return len(p) == 3 && len(n) == 5 && n[0] == 'ت' && n[3] == 'ي'
}

func (l *Lexicon) addTriggers(t *Table) error {
	trs, err := ParseTriggers(t)
	if err != nil {
		return err
	}
	// Written forms first, conjugations and derived forms after, so that
	// an explicit noun form wins over a generated form that happens to
	// spell the same.
	type pending struct {
		tr        *Trigger
		keys      []string
		inflected bool // a conjugated verb form, not the lemma
		withHa    bool // a derived form ending in the pronoun ه
	}
	var later []pending
	for _, tr := range trs {
		copies := map[string]*Trigger{}
		copyAs := func(kind string) *Trigger {
			if c := copies[kind]; c != nil {
				return c
			}
			c := *tr
			c.POS, c.Derived = "noun", kind
			copies[kind] = &c
			return &c
		}
		for _, f := range tr.Forms {
			for i, keys := range triggerKeys(tr, f) {
				if i > 0 {
					later = append(later, pending{tr, keys, true, false})
					continue
				}
				n := l.root.insert(keys)
				if !n.addTrigger(tr) {
					l.Shadowed++
				}
				if tr.POS == "verb" {
					n.lemmas = append(n.lemmas, tr)
				}
			}
			derived := derivedKeys(tr, f)
			// In a fixed order: the first entry at a trie node wins a match,
			// and map order would make coding differ from run to run.
			for _, kind := range []string{FormWithPronoun, FormVerbalNoun, FormParticiple} {
				ks := derived[kind]
				target, inflected := tr, tr.POS == "verb"
				if kind != FormWithPronoun {
					target, inflected = copyAs(kind), false
				}
				for _, keys := range ks {
					ha := kind != FormParticiple && strings.HasSuffix(keys[0], "ه")
					later = append(later, pending{target, keys, inflected, ha})
				}
			}
		}
		l.triggers = append(l.triggers, tr)
	}
	for _, p := range later {
		n := l.root.insert(p.keys)
		known := slices.Contains(n.triggers, p.tr)
		n.addTrigger(p.tr)
		if p.inflected && !slices.Contains(n.lemmas, p.tr) {
			n.inflected = append(n.inflected, p.tr)
		}
		if p.withHa && !known {
			n.withHa = append(n.withHa, p.tr)
		}
	}
	return nil
}

func latLon(r Row) (float64, float64, error) {
	lat, err1 := strconv.ParseFloat(r.Get("lat"), 64)
	lon, err2 := strconv.ParseFloat(r.Get("lon"), 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, r.Errorf("bad coordinates lat=%q lon=%q", r.Get("lat"), r.Get("lon"))
	}
	return lat, lon, nil
}

func (l *Lexicon) addPlaces(t *Table) error {
	for _, r := range t.Rows {
		lat, lon, err := latLon(r)
		if err != nil {
			return err
		}
		pop, err := population(r)
		if err != nil {
			return err
		}
		p := &marsad.Place{ID: r.Get("id"), Name: r.Get("name"), Country: r.Get("country"), Admin1: r.Get("admin1"), Lat: lat, Lon: lon, Population: pop, Kind: r.Get("kind")}
		if p.ID == "" || p.Name == "" || len(p.Country) != 3 {
			return r.Errorf("a place needs an id, a name and a 3-letter country")
		}
		p.Names = withFirst(p.Name, splitList(r.Get("names"), "|"))
		if l.placeByID[p.ID] != nil {
			l.Shadowed++
			continue
		}
		if err := l.addPlace(r, p); err != nil {
			return err
		}
		// Word names are everyday words too (الباب "the door"): a match
		// through one says so, and the coder wants a place context.
		words := splitList(r.Get("word_names"), "|")
		p.Names = append(p.Names, words...)
		for _, nd := range l.nodesFor(words) {
			nd.placeWord = true
			if !slices.Contains(nd.places, p) {
				nd.places = append(nd.places, p)
			}
		}
	}
	return nil
}

// nodesFor returns the trie nodes of names, inserting them, once each
// (two spellings may fold to the same keys).
func (l *Lexicon) nodesFor(names []string) []*node {
	var out []*node
	seen := map[*node]bool{}
	for _, n := range names {
		keys := entryKeys(n)
		if len(keys) == 0 {
			continue
		}
		nd := l.root.insert(keys)
		if !seen[nd] {
			seen[nd] = true
			out = append(out, nd)
		}
	}
	return out
}

// population parses the optional population column.
func population(r Row) (int, error) {
	s := r.Get("population")
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, r.Errorf("bad population %q", s)
	}
	return n, nil
}

func (l *Lexicon) addPlace(r Row, p *marsad.Place) error {
	if l.placeByID[p.ID] != nil {
		l.Shadowed++
		return nil
	}
	l.places = append(l.places, p)
	l.placeByID[p.ID] = p
	for _, nd := range l.nodesFor(p.Names) {
		nd.places = append(nd.places, p)
		// Keep candidates biggest first so callers without context can
		// take the first.
		sort.SliceStable(nd.places, func(i, j int) bool { return nd.places[i].Population > nd.places[j].Population })
	}
	return nil
}
