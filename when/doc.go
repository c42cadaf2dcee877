// Package when finds date expressions in a sentence and resolves them
// against the article's date, so that an event reported on Friday as
// happening "أمس" is dated Thursday.
//
// It understands absolute dates (27 ديسمبر 2007, 2019/10/25, الرابع من
// أبريل الماضي, with Levantine, Egyptian, Maghrebi and English month names),
// relative ones (أمس, الجمعة, الأسبوع الماضي, منذ ثلاثة أيام, last week) and
// a bare year after عام. All words come from dates.tsv, a data file users
// can edit (a dates.tsv in MARSAD_DATA replaces the built-in copy); the Go code
// only knows the grammar.
package when
