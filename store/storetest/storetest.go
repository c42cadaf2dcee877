// Package storetest is the conformance suite every store.Store passes, and
// a generator of synthetic stores for benchmarks. The SQLite and PostgreSQL
// packages call Run from their tests so that both behave the same.
package storetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

// Run runs the conformance suite. open must return a new, empty store; Run
// closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"BatchIsAtomic", testBatchIsAtomic},
		{"SameIDOtherText", testSameIDOtherText},
		{"Filters", testFilters},
		{"Search", testSearch},
		{"NearDuplicates", testNearDuplicates},
		{"EventClusters", testEventClusters},
		{"Happenings", testHappenings},
		{"ActorsAndDictionaries", testActorsAndDictionaries},
		{"Documents", testDocuments},
		{"Unprepared", testUnprepared},
		{"Unstorable", testUnstorable},
		{"Views", testViews},
		{"Watcher", testWatcher},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
}

func ptr[T any](v T) *T { return &v }

// seedText is the opening of the founding example article (Oct 2019).
const seedText = `مدينة مصراتة التي تتزعمّ معارك العاصمة طرابلس ضدّ قوات الجيش الليبي، بعدما سحبت أهم ميليشياتها من محاور القتال، ` +
	`في تطور قال مراقبون إنه بداية لتفكك التحالف بين المدينة وحكومة الوفاق. ` +
	`وفي هذا السياق، قال العميد خالد المحجوب مدير إدارة التوجيه المعنوي بالجيش الليبي إن قرار انسحاب ميليشيات مصراتة تم نقاشه في اجتماع غرفة عمليات مصراتة الأخير. ` +
	`وأوضح أن قوات الأمن رصدت تحركات لعناصر الميليشيات بمصراتة.`

// clashEvent is an ASSAULT with every sub-object set, as the coder emits it.
func clashEvent() marsad.Event {
	return marsad.Event{
		ID: "seed-e1", EventType: "ASSAULT", Mode: "firearms", Context: []string{"military"}, CAMEO: "190",
		Source: &marsad.ActorRef{Text: "قوات الجيش الليبي", Start: 50, End: 67, ActorID: "LBYMIL", Name: "Libyan National Army",
			Country: "LBY", Sector: "MIL", Side: "LNA"},
		Target:   &marsad.ActorRef{Text: "ميليشيات طرابلس", Start: 80, End: 95},
		Location: &marsad.PlaceRef{Text: "طرابلس", Start: 30, End: 36, Name: "Tripoli", Country: "LBY", Lat: ptr(32.8872), Lon: ptr(13.1913), GazetteerID: "geonames:2210247"},
		Date:     "2019-10-25", DateText: "الجمعة", Modality: marsad.Asserted,
		ClaimedBy:  &marsad.Claim{Text: "العميد خالد المحجوب", Start: 160, End: 179, ActorID: "LBYMILSPOKES"},
		Fatalities: ptr(3), FatalitiesApprox: true, Confidence: 0.8,
		SentenceIndex: 0, SentenceStart: 0, SentenceEnd: 120, Sentence: "مدينة مصراتة التي تتزعمّ معارك العاصمة طرابلس",
		Trigger: marsad.Span{Text: "معارك", Start: 25, End: 30}, CoderVersion: marsad.CoderVersion,
	}
}

func seedItem() store.Item {
	return store.Item{
		Doc: marsad.Document{ID: "seed", Title: "ميليشيا مصراتة تلوي ذراع الوفاق", Date: "2019-10-25", Source: "Al Arabiya",
			URL: "https://www.alarabiya.net/x", Text: seedText, Meta: map[string]any{"category": "politics"}},
		Sentences: []marsad.Sentence{{Index: 0, Start: 0, End: 120, Text: "مدينة مصراتة التي تتزعمّ معارك العاصمة طرابلس"}},
		Events:    []marsad.Event{clashEvent()},
	}
}

// save prepares items (prep.Items) and saves them in one batch.
func save(t *testing.T, s store.Store, items ...store.Item) store.BatchResult {
	t.Helper()
	prep.Items(items)
	res, err := s.SaveBatch(context.Background(), items)
	if err != nil {
		t.Fatalf("SaveBatch: %v", err)
	}
	return res
}

// events prepares f (prep.Filter) and returns the events it selects.
func events(t *testing.T, s store.Store, f store.Filter) []store.StoredEvent {
	t.Helper()
	prep.Filter(&f)
	evs, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatalf("Events(%+v): %v", f, err)
	}
	return evs
}

func ids(evs []store.StoredEvent) string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return strings.Join(out, ",")
}

func stats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func testRoundTrip(t *testing.T, s store.Store) {
	bare := marsad.Event{ID: "seed-e2", EventType: "PROTEST", Modality: marsad.Negated, Trigger: marsad.Span{Text: "تظاهر"}}
	it := seedItem()
	it.Events = append(it.Events, bare)
	res := save(t, s, it)
	if res.Saved != 1 || res.Items[0].Events != 2 || res.Items[0].DocID != "seed" {
		t.Fatalf("result = %+v", res)
	}
	got := events(t, s, store.Filter{DocID: "seed"})
	if len(got) != 2 {
		t.Fatalf("got %d events, want 2", len(got))
	}
	byID := map[string]store.StoredEvent{}
	for _, e := range got {
		byID[e.ID] = e
	}
	want := clashEvent()
	want.DocID = "seed"
	if e := byID["seed-e1"]; !reflect.DeepEqual(e.Event, want) {
		t.Errorf("event changed in the store:\n got %+v\nwant %+v", e.Event, want)
	}
	bare.DocID = "seed"
	if e := byID["seed-e2"]; !reflect.DeepEqual(e.Event, bare) {
		t.Errorf("bare event changed in the store:\n got %+v\nwant %+v", e.Event, bare)
	}
	e := byID["seed-e1"]
	if e.Day != "2019-10-25" || e.Country != "LBY" || e.DocSource != "Al Arabiya" || e.DocTitle == "" || e.DocURL == "" {
		t.Errorf("derived fields: day %q country %q source %q title %q url %q", e.Day, e.Country, e.DocSource, e.DocTitle, e.DocURL)
	}
	if byID["seed-e2"].Day != "2019-10-25" {
		t.Errorf("an event without a date should take the document's: %q", byID["seed-e2"].Day)
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	first := save(t, s, seedItem())
	res := save(t, s, seedItem())
	if !res.Items[0].Duplicate || res.Duplicates != 1 || res.Saved != 0 {
		t.Fatalf("second save = %+v, want one duplicate", res)
	}
	if has, err := s.HasDocument(ctx, first.Items[0].Hash); err != nil || !has {
		t.Errorf("HasDocument(%s) = %v, %v after save", first.Items[0].Hash, has, err)
	}
	// The same text under another id is still the same document.
	again := seedItem()
	again.Doc.ID = "seed-copy"
	if res := save(t, s, again); res.Duplicates != 1 {
		t.Errorf("same text, new id: %+v, want a duplicate", res)
	}
	st := stats(t, s)
	if st.Documents != 1 || st.Events != 1 || st.Sentences != 1 {
		t.Errorf("after three saves of one document: %+v", st)
	}
	if has, _ := s.HasDocument(ctx, "0000"); has {
		t.Error("HasDocument(unknown) = true")
	}
}

func testBatchIsAtomic(t *testing.T, s store.Store) {
	save(t, s, seedItem())
	fresh := store.Item{Doc: marsad.Document{ID: "fresh", Date: "2019-10-26", Text: "خبر جديد عن طرابلس"}}
	// Two sentences with one index break the sentences key: the item fails.
	bad := store.Item{Doc: marsad.Document{ID: "bad", Date: "2019-10-26", Text: "جملة. جملة."},
		Sentences: []marsad.Sentence{{Index: 0, End: 5, Text: "جملة."}, {Index: 0, Start: 6, End: 11, Text: "جملة."}}}
	batch := []store.Item{fresh, bad}
	prep.Items(batch)
	_, err := s.SaveBatch(context.Background(), batch)
	if err == nil || !strings.Contains(err.Error(), "bad") {
		t.Fatalf("saving a broken item: err = %v, want an error naming it", err)
	}
	if st := stats(t, s); st.Documents != 1 {
		t.Errorf("a failed batch left %d documents, want 1 (none of the batch)", st.Documents)
	}
	// The batch goes through once the bad item is removed.
	if res := save(t, s, fresh); res.Saved != 1 {
		t.Errorf("retry: %+v", res)
	}
}

// Another text under an id already stored (two CSV exports numbering rows
// 1..N, a feed item updated under one GUID) is kept under a new id.
func testSameIDOtherText(t *testing.T, s store.Store) {
	first := save(t, s, seedItem())
	clash := seedItem()
	clash.Doc.Text = "نص آخر تحت المعرف نفسه عن اشتباكات في طرابلس"
	clash.Doc.Hash = ""
	res := save(t, s, clash)
	if res.Saved != 1 || res.Items[0].DocID == first.Items[0].DocID {
		t.Fatalf("other text under a stored id: %+v, want it saved under a new id", res)
	}
	if st := stats(t, s); st.Documents != 2 || st.Events != 2 {
		t.Errorf("after the clash: %+v, want 2 documents and 2 events", st)
	}
	if res := save(t, s, clash); res.Duplicates != 1 {
		t.Errorf("saving the clashing text again: %+v, want a duplicate", res)
	}
}

// filterItems are three reports in two countries over a week.
func filterItems() []store.Item {
	b := marsad.Event{ID: "bgd", EventType: "PROTEST", Mode: "demo", Modality: marsad.Asserted, Date: "2019-10-28",
		Source:   &marsad.ActorRef{Text: "المتظاهرون", Country: "IRQ", Sector: "CVL"},
		Location: &marsad.PlaceRef{Text: "بغداد", Country: "IRQ", GazetteerID: "geonames:98182"}}
	c := marsad.Event{ID: "trp2", EventType: "ASSAULT", Modality: marsad.Negated, Date: "2019-11-01",
		Source:   &marsad.ActorRef{Text: "قوات الوفاق", Country: "LBY"},
		Target:   &marsad.ActorRef{Text: "الجيش الليبي", ActorID: "LBYMIL", Country: "LBY"},
		Location: &marsad.PlaceRef{Text: "بمصراتة", Country: "LBY"}}
	return []store.Item{
		seedItem(),
		{Doc: marsad.Document{ID: "d2", Date: "2019-10-28", Source: "BBC Arabic", Text: "خرج آلاف المتظاهرين في بغداد احتجاجا على الفساد."}, Events: []marsad.Event{b}},
		{Doc: marsad.Document{ID: "d3", Date: "2019-11-01", Source: "Al Arabiya", Text: "نفت قوات الوفاق أنها هاجمت مواقع الجيش في مصراتة."}, Events: []marsad.Event{c}},
	}
}

func testFilters(t *testing.T, s store.Store) {
	save(t, s, filterItems()...)
	cases := []struct {
		f    store.Filter
		want string
	}{
		{store.Filter{}, "trp2,bgd,seed-e1"}, // newest first
		{store.Filter{Types: []string{"ASSAULT"}}, "trp2,seed-e1"},
		{store.Filter{Types: []string{"ASSAULT", "PROTEST"}, Limit: 2}, "trp2,bgd"},
		{store.Filter{Limit: 2, Offset: 2}, "seed-e1"},
		{store.Filter{Actor: "LBYMIL"}, "trp2,seed-e1"},             // source or target id
		{store.Filter{Actor: "ميليشيات طرابلس"}, "seed-e1"},         // unresolved text
		{store.Filter{Actor: "المتظاهرون"}, "bgd"},                  // folded: أ/ا
		{store.Filter{Country: "IRQ"}, "bgd"},                       // location country
		{store.Filter{Place: "geonames:2210247"}, "seed-e1"},        // gazetteer id
		{store.Filter{Place: "بغداد"}, "bgd"},                       // place text
		{store.Filter{From: "2019-10-26", To: "2019-10-31"}, "bgd"}, // inclusive range
		{store.Filter{To: "2019-10-25"}, "seed-e1"},
		{store.Filter{Source: "Al Arabiya"}, "trp2,seed-e1"},
		{store.Filter{Modality: marsad.Negated}, "trp2"},
		{store.Filter{DocID: "d2"}, "bgd"},
		{store.Filter{Text: "الفساد"}, "bgd"},
		{store.Filter{Text: "مصراتة", Types: []string{"ASSAULT"}, Country: "LBY"}, "trp2,seed-e1"},
		{store.Filter{Text: "..."}, ""}, // no words: nothing
		{store.Filter{Country: "SYR"}, ""},
	}
	for _, c := range cases {
		if got := ids(events(t, s, c.f)); got != c.want {
			t.Errorf("Events(%+v) = %q, want %q", c.f, got, c.want)
		}
	}
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	save(t, s, filterItems()...)
	cases := []struct{ q, want string }{
		{"الامن", "seed"},           // الأمن in the text: hamza folded, article stripped
		{"مصراتة", "seed,d3"},       // بمصراتة in seed, مصراتة in d3
		{"بمصراتة", "seed,d3"},      // the query is stripped too
		{"الجيش مصراتة", "seed,d3"}, // every word must match
		{"المتظاهرين بغداد", "d2"},
		{"ميليشيا", "seed"}, // the title is indexed
		{"دمشق", ""},
	}
	for _, c := range cases {
		docs, err := s.Search(ctx, prep.Terms(c.q), 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", c.q, err)
		}
		var got []string
		for _, d := range docs {
			got = append(got, d.ID)
		}
		// Rank order is the engine's; compare as sets.
		if !sameSet(got, splitIDs(c.want)) {
			t.Errorf("Search(%q) = %v, want %q", c.q, got, c.want)
		}
	}
}

func splitIDs(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func testNearDuplicates(t *testing.T, s store.Store) {
	orig := store.Item{Doc: marsad.Document{ID: "orig", Date: "2019-10-25", Source: "Al Arabiya", Text: seedText}}
	// The same story re-published elsewhere: new headline and a closing line added.
	copyText := seedText + " وتابع أن الوضع تحت السيطرة."
	copy := store.Item{Doc: marsad.Document{ID: "copy", Title: "انسحاب ميليشيات مصراتة", Date: "2019-10-26", Source: "Sky News Arabia", Text: copyText}}
	other := store.Item{Doc: marsad.Document{ID: "other", Date: "2019-10-26", Text: strings.Repeat("خرج آلاف المتظاهرين في شوارع بغداد للمطالبة بإسقاط الحكومة ومحاربة الفساد وتوفير فرص العمل. ", 3)}}
	save(t, s, orig)
	res := save(t, s, copy, other) // a later batch must find the earlier document
	if res.Items[0].Cluster != "orig" {
		t.Errorf("re-published copy: cluster %q, want orig", res.Items[0].Cluster)
	}
	if res.Items[1].Cluster != "other" {
		t.Errorf("different article: cluster %q, want its own id", res.Items[1].Cluster)
	}
	d, err := s.Document(context.Background(), "copy")
	if err != nil {
		t.Fatal(err)
	}
	if d.Cluster != "orig" {
		t.Errorf("Document(copy).Cluster = %q", d.Cluster)
	}
	if st := stats(t, s); st.Documents != 3 || st.DocumentClusters != 2 {
		t.Errorf("stats: %d documents in %d clusters, want 3 in 2", st.Documents, st.DocumentClusters)
	}
}

func testEventClusters(t *testing.T, s store.Store) {
	lat, lon := 32.79, 13.21
	ainZara := &marsad.PlaceRef{Text: "عين زارة", GazetteerID: "osm:node/1", Name: "Ain Zara", Country: "LBY",
		Kind: "neighbourhood", Admin1: "Tripoli", Lat: &lat, Lon: &lon}
	clash := func(id, day, dateText, sentence string) marsad.Event {
		return marsad.Event{ID: id, EventType: "ASSAULT", Modality: marsad.Asserted, Date: marsad.OptText(day),
			DateText: marsad.OptText(dateText), DatePrecision: "day", Sentence: sentence,
			Source:   &marsad.ActorRef{Text: "الجيش الليبي", ActorID: "lby-lna"},
			Target:   &marsad.ActorRef{Text: "قوات الوفاق", ActorID: "LBYGNA"},
			Location: ainZara}
	}
	protest := func(id, crowd string) marsad.Event {
		return marsad.Event{ID: id, EventType: "PROTEST", Modality: marsad.Asserted, Date: "2019-10-25", DatePrecision: "day",
			Sentence: "تظاهر " + crowd + " في طرابلس " + id, Source: &marsad.ActorRef{Text: crowd}}
	}
	doc := func(id, day string, evs ...marsad.Event) store.Item {
		return store.Item{Doc: marsad.Document{ID: id, Date: day, Text: "تقرير " + id}, Events: evs}
	}
	const copied = "قال مصدر طبي إن قذيفة سقطت على حي سكني في المدينة وأوقعت ثلاثة قتلى"
	save(t, s,
		doc("a", "2019-10-25", clash("a1", "2019-10-25", "الجمعة", "هاجم الجيش الليبي قوات الوفاق في عين زارة الجمعة")),
		doc("b", "2019-10-26", clash("b1", "2019-10-25", "أمس", "اشتبكت قوات الوفاق مع الجيش الليبي أمس جنوب طرابلس")),
	)
	denied := clash("c2", "2019-10-27", "", "نفى الجيش الليبي مهاجمة قوات الوفاق")
	denied.Modality = marsad.Negated
	save(t, s,
		doc("c", "2019-10-27", clash("c1", "2019-10-27", "", "تواصلت المعارك بين الجيش الليبي وقوات الوفاق في عين زارة"), denied),
		doc("d", "2019-10-31", clash("d1", "2019-10-31", "", "هاجم الجيش الليبي قوات الوفاق في عين زارة")), // days later: another clash
		doc("e", "2019-10-25", protest("e1", "محتجون")),
		doc("f", "2019-10-25", protest("f1", "المحتجين")), // generic crowds alone never merge
		doc("g", "2019-10-25", marsad.Event{ID: "g1", EventType: "ASSAULT", Modality: marsad.Asserted, Sentence: copied}),
		doc("h", "2019-10-26", marsad.Event{ID: "h1", EventType: "ASSAULT", Modality: marsad.Asserted, Sentence: copied}),
	)
	want := map[string]string{"a1": "a1", "b1": "a1", "c1": "a1", "c2": "c2", "d1": "d1", "e1": "e1", "f1": "f1", "g1": "g1", "h1": "g1"}
	for _, e := range events(t, s, store.Filter{}) {
		if e.ClusterID != want[e.ID] {
			t.Errorf("event %s: cluster %q, want %q", e.ID, e.ClusterID, want[e.ID])
		}
	}
	if got := ids(events(t, s, store.Filter{Cluster: "a1"})); got != "c1,b1,a1" {
		t.Errorf("Events(Cluster a1) = %q", got)
	}
	st := stats(t, s)
	if st.Events != 9 || st.EventClusters != 6 {
		t.Errorf("stats: %d reports in %d clusters, want 9 in 6", st.Events, st.EventClusters)
	}
	if got := st.Collapse(); !strings.HasPrefix(got, "9 reports collapse into 6 events") {
		t.Errorf("Collapse() = %q", got)
	}
}

func testActorsAndDictionaries(t *testing.T, s store.Store) {
	ctx := context.Background()
	save(t, s, filterItems()...)
	actors, err := s.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) == 0 || actors[0].Key != "LBYMIL" || actors[0].AsSource != 1 || actors[0].AsTarget != 1 || actors[0].Name != "Libyan National Army" {
		t.Fatalf("Actors()[0] = %+v, want LBYMIL once as source, once as target", actors)
	}
	if len(actors) != 4 {
		t.Errorf("Actors() = %+v, want 4 (LBYMIL and three unresolved texts)", actors)
	}
	dict := []marsad.Actor{{ID: "LBYMIL", Name: "Libyan National Army", Names: []string{"الجيش الليبي"}, Country: "LBY", Sector: "MIL", Side: "LNA",
		Roles: []marsad.Role{{Country: "LBY", Sector: "MIL", From: "2014-05-16"}}}}
	places := []marsad.Place{{ID: "geonames:2210247", Name: "Tripoli", Names: []string{"طرابلس"}, Country: "LBY", Lat: 32.89, Lon: 13.19, Kind: "city"}}
	for i := 0; i < 2; i++ { // upserting twice replaces
		if err := s.UpsertActors(ctx, dict); err != nil {
			t.Fatal(err)
		}
		if err := s.UpsertPlaces(ctx, places); err != nil {
			t.Fatal(err)
		}
	}
	if st := stats(t, s); st.Actors != 1 || st.Places != 1 || st.ByType["ASSAULT"] != 2 || st.ByType["PROTEST"] != 1 {
		t.Errorf("stats: %+v", st)
	}
}

func testDocuments(t *testing.T, s store.Store) {
	ctx := context.Background()
	save(t, s, filterItems()...)
	docs, err := s.Documents(ctx, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 || docs[0].ID != "d3" || docs[2].ID != "seed" || docs[2].Events != 1 || len(docs[2].Hash) != 64 {
		t.Errorf("Documents = %+v", docs)
	}
	d, err := s.Document(ctx, "seed")
	if err != nil {
		t.Fatal(err)
	}
	want := seedItem()
	if d.Text != want.Doc.Text || d.Title != want.Doc.Title || d.Meta["category"] != "politics" || !reflect.DeepEqual(d.Sentences, want.Sentences) {
		t.Errorf("Document(seed) = %+v", d)
	}
	if _, err := s.Document(ctx, "missing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(missing) err = %v, want ErrNotFound", err)
	}
}

// A store does no language work: it refuses items and filters whose keys
// (package prep) are missing instead of matching them wrongly.
func testUnprepared(t *testing.T, s store.Store) {
	ctx := context.Background()
	bare := seedItem()
	stale := seedItem()
	prep.Item(&stale)
	stale.Events = append(stale.Events, marsad.Event{ID: "seed-e2", EventType: "PROTEST"}) // added after prep.Item
	for name, it := range map[string]store.Item{"no keys": bare, "keys of fewer events": stale} {
		if _, err := s.SaveBatch(ctx, []store.Item{it}); !errors.Is(err, store.ErrNotPrepared) {
			t.Errorf("SaveBatch(%s): err = %v, want ErrNotPrepared", name, err)
		}
	}
	if st := stats(t, s); st.Documents != 0 {
		t.Errorf("unprepared items left %d documents", st.Documents)
	}
	save(t, s, filterItems()...)
	for _, f := range []store.Filter{{Actor: "LBYMIL"}, {Place: "بغداد"}, {Text: "الفساد"}} {
		if _, err := s.Events(ctx, f); !errors.Is(err, store.ErrNotPrepared) {
			t.Errorf("Events(%+v) without keys: err = %v, want ErrNotPrepared", f, err)
		}
	}
	// Filters on ids and codes alone need no keys.
	evs, err := s.Events(ctx, store.Filter{Types: []string{"ASSAULT"}, Country: "LBY"})
	if err != nil || ids(evs) != "trp2,seed-e1" {
		t.Errorf("Events(type, country) without keys = %q, %v", ids(evs), err)
	}
}

// The mentions of one happening of an article (a lede summary, the report,
// a repeat) are kept with their happening id; Filter.Happenings returns the
// report alone, and every mention joins the cross-article cluster of its
// report, which another outlet's report of the same clash joins too.
func testHappenings(t *testing.T, s store.Store) {
	ev := func(id, mention string, src *marsad.ActorRef) marsad.Event {
		return marsad.Event{ID: id, EventType: "ASSAULT", Modality: marsad.Asserted, Date: "2019-10-25",
			HappeningID: "h-report", Mention: marsad.OptText(mention), Source: src,
			Target:   &marsad.ActorRef{Text: "قوات الوفاق", ActorID: "LBYGNA"},
			Location: &marsad.PlaceRef{Text: "عين زارة", GazetteerID: "osm:1"}}
	}
	lna := &marsad.ActorRef{Text: "الجيش الليبي", ActorID: "LBYMIL"}
	save(t, s, store.Item{Doc: marsad.Document{ID: "a", Date: "2019-10-25", Text: "اشتباكات في عين زارة. اشتبك الجيش الليبي مع قوات الوفاق."},
		Events: []marsad.Event{ev("h-summary", "summary", nil), ev("h-report", "report", lna), ev("h-repeat", "repeat", nil)}})
	other := ev("b-report", "report", lna)
	other.HappeningID = "b-report"
	save(t, s, store.Item{Doc: marsad.Document{ID: "b", Date: "2019-10-25", Text: "اشتبك الجيش الليبي مع قوات الوفاق في عين زارة."},
		Events: []marsad.Event{other}})
	if got := ids(events(t, s, store.Filter{Happenings: true})); got != "b-report,h-report" {
		t.Errorf("Events(Happenings) = %q, want the two reports", got)
	}
	for _, e := range events(t, s, store.Filter{}) {
		if e.ClusterID != "h-report" {
			t.Errorf("event %s (%s): cluster %q, want h-report", e.ID, e.Mention, e.ClusterID)
		}
		if e.ID == "h-summary" && (e.HappeningID != "h-report" || e.Mention != "summary") {
			t.Errorf("summary read back as happening %q, mention %q", e.HappeningID, e.Mention)
		}
	}
}
