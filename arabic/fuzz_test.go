package arabic

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/shared"
)

// FuzzPipeline checks the span invariants of Split, Tokenize and Normalize
// on arbitrary input. Invalid UTF-8 is first made valid the way
// string([]rune(s)) does, as a reader decoding the document would.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{
		"ميليشيا مصراتة تلوي ذراع الوفاق.. كيف سيؤثر انسحابها؟",
		"داخل العاصمة., ومنذ انطلاق عملية تحرير العاصمة طرابلس في الرابع من أبريل الماضي،",
		"وحكومة الوفاق، ,سيكون له انعكاس",
		"في تصريح للعربية.نت، إن قرار انسحاب ميليشيات مصراتة",
		"اعتنق الأفكار المتطرفة عبر #الإنترنت سافر إلى الخارج في محاولة منه للانضمام إلى فرع لتنظيم #داعش في #ليبيا.",
		"The U.S. Army said 3.5 million, 1,000 were killed. Dr. Smith left",
		"ﻻ ﷲ ٢٠١٩ ایران", "\xff\xfe.,", "", ".", ",", "\n\n", "د. م. أ.",
	} {
		f.Add(s)
	}
	// Sentences of the seed article, not the whole of it: a large seed
	// makes every minimisation step slow.
	if p := shared.Root(); p != "" {
		if b, err := os.ReadFile(filepath.Join(p, "seed", "000_a763ce97bed870a3.txt")); err == nil {
			for _, s := range Split(string(b)) {
				if len(s.Text) < 1200 {
					f.Add(s.Text)
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			s = string([]rune(s))
		}
		rs := []rune(s)
		prev := 0
		for i, sent := range Split(s) {
			if sent.Index != i || sent.Start < prev || sent.End <= sent.Start || sent.End > len(rs) {
				t.Fatalf("sentence %d: bad span [%d,%d) after %d, len %d", i, sent.Start, sent.End, prev, len(rs))
			}
			if string(rs[sent.Start:sent.End]) != sent.Text {
				t.Fatalf("sentence %d: text %q, span %q", i, sent.Text, string(rs[sent.Start:sent.End]))
			}
			prev = sent.End
			tprev := sent.Start
			for j, tok := range Tokenize(sent) {
				if tok.Start < tprev || tok.End <= tok.Start || tok.End > sent.End {
					t.Fatalf("sentence %d token %d: bad span [%d,%d) in [%d,%d)", i, j, tok.Start, tok.End, sent.Start, sent.End)
				}
				if string(rs[tok.Start:tok.End]) != tok.Text {
					t.Fatalf("token %q, span %q", tok.Text, string(rs[tok.Start:tok.End]))
				}
				if tok.Norm != Fold(tok.Text) {
					t.Fatalf("token %q: Norm %q != Fold %q", tok.Text, tok.Norm, Fold(tok.Text))
				}
				tprev = tok.End
			}
		}
		norm, off := Normalize(s)
		if norm != Fold(s) {
			t.Fatalf("Normalize %q != Fold %q", norm, Fold(s))
		}
		if len(off) != utf8.RuneCountInString(norm)+1 || off[len(off)-1] != len(rs) {
			t.Fatalf("offsets length %d for %d runes; last %d, want %d", len(off), utf8.RuneCountInString(norm), off[len(off)-1], len(rs))
		}
		for i := 1; i < len(off); i++ {
			if off[i] < off[i-1] || off[i] < 0 || off[i] > len(rs) {
				t.Fatalf("offsets not monotonic in range at %d: %v", i, off)
			}
		}
		if Fold(norm) != norm {
			t.Fatalf("Fold is not idempotent: %q → %q", norm, Fold(norm))
		}
	})
}
