package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/lexicon"
)

// uaActor is one entry of actor_dict_ar_v4.txt.
type uaActor struct {
	line    int
	name    string   // words joined by spaces
	inline  string   // code on the name line, e.g. USAGOV
	roles   []string // converted to "CODE FROM-TO"
	country string
	sector  string
}

var (
	bracketRe = regexp.MustCompile(`\[([^\]]*)\]`)
	uaRoleRe  = regexp.MustCompile(`^([A-Z]*)\??\s*(?:(\d{8})?\s*-\s*(\d{8})?|>\s*(\d{8})|<\s*(\d{8}))?\s*$`)
)

// convertRole turns a UA role ("IRQGOV 20101221-20140908", "IGO > 20080219",
// "MIL?") into the data format, or "" when it has no code.
func convertRole(raw string) string {
	m := uaRoleRe.FindStringSubmatch(strings.TrimSpace(raw))
	if m == nil || m[1] == "" {
		return ""
	}
	from, to := m[2], m[3]
	if m[4] != "" {
		from = m[4]
	}
	if m[5] != "" {
		to = m[5]
	}
	// 18000101 marks an open end; an end before the start is an error.
	if to == "18000101" || (from != "" && to != "" && to < from) {
		to = ""
	}
	if from == "" && to == "" {
		return m[1]
	}
	return m[1] + " " + from + "-" + to
}

func parseUAActors(path string) ([]*uaActor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*uaActor
	var cur *uaActor
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s, _, _ := strings.Cut(sc.Text(), "#")
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "[") {
			if cur != nil {
				for _, m := range bracketRe.FindAllStringSubmatch(s, -1) {
					if r := convertRole(m[1]); r != "" {
						cur.roles = append(cur.roles, r)
					}
				}
			}
			continue
		}
		name, rest, _ := strings.Cut(s, "[")
		cur = &uaActor{line: line, name: cleanName(name)}
		if rest != "" {
			if r := convertRole(strings.TrimSuffix(strings.TrimSpace(rest), "]")); r != "" {
				cur.inline, _, _ = strings.Cut(r, " ")
				cur.roles = append(cur.roles, r)
			}
		}
		out = append(out, cur)
	}
	return out, sc.Err()
}

// cleanName turns "نوري_المالكي_" into "نوري المالكي".
func cleanName(s string) string {
	s = strings.NewReplacer("_", " ", "،", " ", ",", " ", "+", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// hasSplitClitic reports a one-letter word: UA lemmatisation splits
// clitics off ("ل أمة المتحدة"), which never matches running text.
func hasSplitClitic(name string) bool {
	for _, w := range strings.Fields(name) {
		if utf8.RuneCountInString(w) == 1 {
			return true
		}
	}
	return false
}

// pickCode sets country and sector from the inline code, else from the
// role that started last.
func (a *uaActor) pickCode() bool {
	code := a.inline
	if code == "" {
		best := ""
		for _, r := range a.roles {
			c, dates, _ := strings.Cut(r, " ")
			from, _, _ := strings.Cut(dates, "-")
			if code == "" || from >= best {
				code, best = c, from
			}
		}
	}
	if code == "" {
		return false
	}
	a.country, a.sector = lexicon.SplitCode(code)
	return true
}

// spans reports whether one match of kind k covers all n words.
func spans(ms []lexicon.Match, n int, k lexicon.Kind) *lexicon.Match {
	for i := range ms {
		if ms[i].Kind == k && ms[i].TokStart == 0 && ms[i].TokEnd == n {
			return &ms[i]
		}
	}
	return nil
}

// countryWords returns the country named by a country or demonym actor
// that ends a name ("شرطة بريطاني" → GBR). Only the last word counts:
// elsewhere a demonym is often a given name (تركي، هند).
func (b *builder) countryWords(ms []lexicon.Match, n int) []string {
	var out []string
	for _, m := range ms {
		if m.Kind == lexicon.KindActor && m.Actor.ID == m.Actor.Country && m.TokEnd == n {
			out = append(out, m.Actor.Country)
		}
	}
	return out
}

func (b *builder) actors() (int, error) {
	const file = "actors.tsv"
	entries, err := parseUAActors(filepath.Join(b.shared, "dictionaries", "ua-arabic", "actor_dict_ar_v4.txt"))
	if err != nil {
		return 0, err
	}
	// The UA dictionary codes many cities as country actors (بغداد → IRQ);
	// in text they are places, and an actor match would hide the location.
	places, err := lexicon.LoadFiles(os.DirFS(b.data), lexicon.FilePlaces, lexicon.FilePlacesCurated, lexicon.FilePlacesWorld)
	if err != nil {
		return 0, fmt.Errorf("loading places: %w", err)
	}
	byKey := map[string]*uaActor{}
	var kept []*uaActor
	for _, a := range entries {
		desc := fmt.Sprintf("%d\t%s\t%s", a.line, a.name, strings.Join(a.roles, "; "))
		if a.name == "" {
			b.log.drop(file, "empty name", desc)
			continue
		}
		if !a.pickCode() {
			b.log.drop(file, "no code", desc)
			continue
		}
		if hasSplitClitic(a.name) {
			b.log.drop(file, "split clitic word (lemmatised, never matches text)", desc)
			continue
		}
		ms, n := b.curated.MatchText(a.name)
		if m := spans(ms, n, lexicon.KindActor); m != nil {
			b.log.drop(file, "name already in the hand-written files", desc+"\t→ "+m.Actor.ID)
			continue
		}
		if spans(ms, n, lexicon.KindAgent) != nil {
			b.log.drop(file, "agent word, not an actor", desc)
			continue
		}
		if spans(ms, n, lexicon.KindTrigger) != nil {
			b.log.drop(file, "event trigger word, not an actor", desc)
			continue
		}
		if pm, pn := places.MatchText(a.name); a.sector == "" && townOrBigger(spans(pm, pn, lexicon.KindPlace)) {
			b.log.drop(file, "a place, not an actor (no sector)", desc)
			continue
		}
		if f, common := b.commonWord(a.name, "actor"); common {
			b.log.drop(file, "common word", fmt.Sprintf("%s\tfreq=%d", desc, f))
			continue
		}
		if cw := b.countryWords(ms, n); len(cw) > 0 && b.curated.ActorByID(a.country) != nil && !contains(cw, a.country) {
			b.log.drop(file, "country word contradicts the code", desc+"\t→ name says "+strings.Join(cw, ","))
			continue
		}
		k := nameKey(a.name)
		if first := byKey[k]; first != nil {
			first.roles = appendNew(first.roles, a.roles...)
			b.log.drop(file, "duplicate (roles merged into the first)", desc)
			continue
		}
		byKey[k] = a
		kept = append(kept, a)
	}
	rows := make([][]string, 0, len(kept))
	ids := map[string]bool{}
	for _, a := range kept {
		id := "ua:" + strings.ReplaceAll(arabic.Fold(a.name), " ", "_")
		for i := 2; ids[id]; i++ {
			id = fmt.Sprintf("ua:%s_%d", strings.ReplaceAll(arabic.Fold(a.name), " ", "_"), i)
		}
		ids[id] = true
		rows = append(rows, []string{id, a.country, a.sector, "", a.name, strings.Join(a.roles, "; ")})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
	comment := `actors.tsv — GENERATED by go run ./tools/builddata from UniversalPetrarch
actor_dict_ar_v4.txt (MIT); do not edit: fix entries in actors-curated.tsv
(which takes precedence) or in the generator. Dropped entries and reasons:
build-log.txt. Names are UA lemmas (e.g. "جيش إسرائيلي"), matched on stems.
Columns as in actors-curated.tsv: id country sector side names roles.`
	return len(rows), writeTSV(filepath.Join(b.data, file), comment, []string{"id", "country", "sector", "side", "names", "roles"}, rows)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

// townOrBigger reports whether a place match has a candidate bigger than
// a village: village names are often words, and an actor of that name is
// more likely the word.
func townOrBigger(m *lexicon.Match) bool {
	if m == nil {
		return false
	}
	for _, p := range m.Places {
		if p.Kind != "village" && p.Kind != "admin3" {
			return true
		}
	}
	return false
}
