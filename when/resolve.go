package when

import (
	"strings"
	"time"
)

// Precision is how much of Expr.Date the text said.
type Precision string

const (
	Day   Precision = "day"
	Week  Precision = "week"  // Date is the day N weeks from the article date
	Month Precision = "month" // Date is the first of the month
	Year  Precision = "year"  // Date is the first of January
)

// Expr is one date expression. Start and End are code point offsets into
// the string given to Resolve. Date (YYYY-MM-DD) is "" when the expression
// needs an article date that was not given. Past is true when the whole
// period lies before the article date.
type Expr struct {
	Start     int       `json:"start"`
	End       int       `json:"end"`
	Text      string    `json:"text"`
	Date      string    `json:"date"`
	Precision Precision `json:"precision"`
	Past      bool      `json:"past"`
}

// said is what an expression says, before it meets the article date.
type said struct {
	end     int // lexeme index just after the expression
	y, m, d int // parts given; 0 when absent
	weekday int // 0..6, or -1
	rel     int // offset in units, for relative expressions
	unit    byte
	dir     int // -1 "last/الماضي", +1 "next/المقبل", 0 neither
	prec    Precision
}

// Resolve finds the date expressions in text and resolves them against
// articleDate (YYYY-MM-DD; anything else is treated as unknown).
func (r *Resolver) Resolve(text, articleDate string) []Expr {
	art, err := time.Parse("2006-01-02", articleDate)
	known := err == nil
	runes := []rune(text)
	all := parser(r.lex(runes, tokenize(runes)))
	var out []Expr
	next := 0 // the first clitic lexeme after i, or len(all)
	for i := 0; i < len(all); {
		// A clitic starts a new phrase: "شهر آب وعام 2016" is two dates.
		// next only moves forward, so the scan for it is linear in all.
		if next <= i {
			for next = i + 1; next < len(all) && !all[next].clitic; next++ {
			}
		}
		p := all[:next]
		var best said
		for _, pat := range patterns {
			if s, ok := pat(p, i); ok && s.end > best.end {
				best = s
			}
		}
		if best.end == 0 {
			i++
			continue
		}
		e := Expr{Start: p[i].start, End: p[best.end-1].end, Precision: best.prec}
		e.Text = string(runes[e.Start:e.End])
		t, ok := best.resolve(art, known)
		ok = ok && t.Year() >= 1000 && t.Year() <= 9999 // stays YYYY-MM-DD
		// Not a real date (30 February), rather than one waiting for an article date.
		if !ok && (known || best.y != 0) {
			i++
			continue
		}
		if ok {
			e.Date = t.Format("2006-01-02")
			e.Past = known && periodEnd(t, best.prec).Before(art)
		}
		out = append(out, e)
		i = best.end
	}
	return out
}

var patterns = []func(parser, int) (said, bool){
	parser.dayMonth, parser.monthDay, parser.numeric, parser.monthOnly,
	parser.yearOnly, parser.weekday, parser.relative, parser.ago, parser.namedEvent,
}

// namedEvent: a named event's noun and its day without a year (هجمات 11
// سبتمبر, ثورة 17 فبراير) is that event's date, not this year's day.
func (p parser) namedEvent(i int) (said, bool) {
	if i >= len(p) {
		return said{}, false
	}
	s, ok := p.dayMonth(i + 1)
	if !ok || s.y != 0 {
		return said{}, false
	}
	for _, e := range p[i].entries {
		if e.kind == "named" && e.n == s.m*100+s.d {
			s.y = e.year
			return s, true
		}
	}
	return said{}, false
}

// parser matches the date grammar over lexemes; each pattern starts at
// lexeme i and reports what it read and where it ended.
type parser []lexeme

func (p parser) is(j int, kind string) (entry, bool) {
	if j >= len(p) {
		return entry{}, false
	}
	return p[j].has(kind)
}

func (p parser) punct(j int, chars string) bool {
	return j < len(p) && p[j].kind == tPunct && strings.Contains(chars, p[j].text)
}

// number reads digits of at most maxDigits with a value in [lo, hi],
// and any suffix glued to them (2019م, 5th).
func (p parser) number(j, maxDigits, lo, hi int) (n, next int, ok bool) {
	if j >= len(p) || p[j].kind != tNum || p[j].digits > maxDigits || p[j].num < lo || p[j].num > hi {
		return 0, j, false
	}
	next = j + 1
	if _, suf := p.is(next, "suffix"); suf && p[next].start == p[j].end {
		next++
	}
	return p[j].num, next, true
}

func (p parser) year(j int) (y, next int, ok bool) {
	if j < len(p) && p[j].digits != 4 {
		return 0, j, false
	}
	return p.number(j, 4, 1900, 2100)
}

// optional skips lexeme j when it is of kind.
func (p parser) optional(j int, kind string) int {
	if _, ok := p.is(j, kind); ok {
		return j + 1
	}
	return j
}

// direction reads a "last" or "next" marker at j.
func (p parser) direction(j int) (dir, next int) {
	if _, ok := p.is(j, "past"); ok {
		return -1, j + 1
	}
	if _, ok := p.is(j, "next"); ok {
		return 1, j + 1
	}
	return 0, j
}

// month reads a month name, with an alternative after a slash
// ("ديسمبر/كانون الأول").
func (p parser) month(j int) (m, next int, ok bool) {
	e, ok := p.is(j, "month")
	if !ok {
		return 0, j, false
	}
	if _, alt := p.is(j+2, "month"); alt && p.punct(j+1, "/") {
		return e.n, j + 3, true
	}
	return e.n, j + 1, true
}

// yearOrDirection reads what may follow a month: ", عام 2019" or "الماضي".
func (p parser) yearOrDirection(j int, s *said) int {
	k := j
	if p.punct(k, ",،") {
		k++
	}
	k = p.optional(k, "year")
	if y, next, ok := p.year(k); ok {
		s.y = y
		return next
	}
	s.dir, j = p.direction(j)
	return j
}

// leadingWeekday skips "الجمعة،" before a full date.
func (p parser) leadingWeekday(j int) int {
	if _, ok := p.is(j, "weekday"); ok {
		j++
		if p.punct(j, ",،") {
			j++
		}
	}
	return j
}

// dayMonth: [يوم] [weekday] (ordinal | 1..31) [من] month [[,] [عام] year | الماضي].
func (p parser) dayMonth(i int) (said, bool) {
	s := said{weekday: -1, prec: Day}
	j := p.leadingWeekday(p.optional(i, "day"))
	if e, ok := p.is(j, "ordinal"); ok {
		s.d, j = e.n, j+1
	} else if d, next, ok := p.number(j, 2, 1, 31); ok {
		s.d, j = d, next
	} else {
		return s, false
	}
	j = p.optional(p.optional(j, "of"), "monthword") // 8 من شهر يوليو
	var ok bool
	if s.m, j, ok = p.month(j); !ok {
		return s, false
	}
	s.end = p.yearOrDirection(j, &s)
	return s, true
}

// monthDay: [on] [weekday] month 1..31 [, year] ("March 5, 2019").
func (p parser) monthDay(i int) (said, bool) {
	s := said{weekday: -1, prec: Day}
	j := p.leadingWeekday(p.optional(i, "day"))
	var ok bool
	if s.m, j, ok = p.month(j); !ok {
		return s, false
	}
	if s.d, j, ok = p.number(j, 2, 1, 31); !ok {
		return s, false
	}
	s.end = j
	k := j
	if p.punct(k, ",،") {
		k++
	}
	if y, next, ok := p.year(k); ok {
		s.y, s.end = y, next
	}
	return s, true
}

// numeric: 2019/10/25, 25/10/2019, 25-10-2019 (day first unless that is
// impossible).
func (p parser) numeric(i int) (said, bool) {
	s := said{weekday: -1, prec: Day}
	if i+4 >= len(p) || p[i].kind != tNum || p[i+2].kind != tNum || p[i+4].kind != tNum ||
		!p.punct(i+1, "/-.") || p[i+3].text != p[i+1].text {
		return s, false
	}
	for k := i + 1; k <= i+4; k++ {
		if p[k].start != p[k-1].end {
			return s, false
		}
	}
	a, b, c := p[i], p[i+2], p[i+4]
	switch {
	case a.digits == 4 && b.digits <= 2 && c.digits <= 2:
		s.y, s.m, s.d = a.num, b.num, c.num
	case c.digits == 4 && a.digits <= 2 && b.digits <= 2:
		s.y, s.d, s.m = c.num, a.num, b.num
		if s.m > 12 && s.d <= 12 {
			s.d, s.m = s.m, s.d
		}
	default:
		return s, false
	}
	s.end = i + 5
	return s, s.y >= 1900 && s.y <= 2100
}

// monthOnly: [شهر] month (year | الماضي), or شهر month alone. A bare month
// name needs one of these, since مارس and May are also other words.
func (p parser) monthOnly(i int) (said, bool) {
	s := said{weekday: -1, prec: Month}
	_, word := p.is(i, "monthword")
	j := i
	if word {
		j++
	}
	var ok bool
	if s.m, j, ok = p.month(j); !ok {
		return s, false
	}
	s.end = p.yearOrDirection(j, &s)
	return s, word || s.end > j
}

// yearOnly: عام 2016.
func (p parser) yearOnly(i int) (said, bool) {
	s := said{weekday: -1, prec: Year}
	if _, ok := p.is(i, "year"); !ok {
		return s, false
	}
	y, next, ok := p.year(i + 1)
	s.y, s.end = y, next
	return s, ok
}

// weekday: [يوم] [last] weekday [الماضي].
func (p parser) weekday(i int) (said, bool) {
	s := said{prec: Day}
	j := p.optional(i, "day")
	s.dir, j = p.direction(j)
	e, ok := p.is(j, "weekday")
	if !ok {
		return s, false
	}
	s.weekday, j = e.n, j+1
	if s.dir == 0 {
		s.dir, j = p.direction(j)
	}
	s.end = j
	return s, true
}

// relative: [مساء] أمس, الأسبوع الماضي, yesterday.
func (p parser) relative(i int) (said, bool) {
	j := p.optional(i, "day")
	e, ok := p.is(j, "rel")
	if !ok {
		return said{}, false
	}
	// اليوم ذاته، ذلك اليوم: the day the article spoke of, not today.
	if _, same := p.is(j+1, "same"); same {
		return said{}, false
	}
	if i > 0 {
		if _, same := p.is(i-1, "same"); same {
			return said{}, false
		}
	}
	return relSaid(e.n, e.unit, j+1), true
}

// ago: منذ [N] unit, or N unit ago.
func (p parser) ago(i int) (said, bool) {
	count := func(j int) (n, next int) {
		if e, ok := p.is(j, "number"); ok {
			return e.n, j + 1
		}
		if n, next, ok := p.number(j, 3, 1, 999); ok {
			return n, next
		}
		return 0, j
	}
	if e, ok := p.is(i, "ago"); ok && !e.after {
		n, j := count(i + 1)
		u, ok := p.is(j, "unit")
		if !ok {
			return said{}, false
		}
		if n == 0 {
			n = u.n // "منذ عام"; a bare plural ("منذ أيام") is too vague
		}
		if n == 0 {
			return said{}, false
		}
		return relSaid(-n, u.unit, j+1), true
	}
	n, j := count(i)
	u, ok := p.is(j, "unit")
	if n == 0 || !ok {
		return said{}, false
	}
	if e, ok := p.is(j+1, "ago"); ok && e.after {
		return relSaid(-n, u.unit, j+2), true
	}
	return said{}, false
}

func relSaid(n int, unit byte, end int) said {
	prec := map[byte]Precision{'d': Day, 'w': Week, 'm': Month, 'y': Year}[unit]
	return said{end: end, weekday: -1, rel: n, unit: unit, prec: prec}
}

// resolve turns what was said into a date; ok is false when that needs the
// article date and known is false, or when the date does not exist.
func (s said) resolve(art time.Time, known bool) (time.Time, bool) {
	switch {
	case s.unit != 0:
		if !known {
			return time.Time{}, false
		}
		switch s.unit {
		case 'd':
			return art.AddDate(0, 0, s.rel), true
		case 'w':
			return art.AddDate(0, 0, 7*s.rel), true
		case 'm':
			return date(art.Year(), int(art.Month())+s.rel, 1), true
		}
		return date(art.Year()+s.rel, 1, 1), true
	case s.prec == Year:
		return date(s.y, 1, 1), true
	case s.prec == Month && s.y != 0:
		return date(s.y, s.m, 1), true
	case s.prec == Month:
		if !known {
			return time.Time{}, false
		}
		return pick(art, s.dir, func(y int) (time.Time, bool) { return date(y, s.m, 1), true }, func(t time.Time) time.Time {
			return periodEnd(t, Month)
		})
	case s.m != 0 && s.y != 0:
		return validDate(s.y, s.m, s.d)
	case s.m != 0:
		if !known {
			return time.Time{}, false
		}
		return pick(art, s.dir, func(y int) (time.Time, bool) { return validDate(y, s.m, s.d) }, nil)
	case s.weekday >= 0:
		if !known {
			return time.Time{}, false
		}
		back := (int(art.Weekday()) - s.weekday + 7) % 7
		switch {
		case s.dir > 0:
			ahead := (s.weekday - int(art.Weekday()) + 7) % 7
			if ahead == 0 {
				ahead = 7
			}
			return art.AddDate(0, 0, ahead), true
		case s.dir < 0 && back == 0:
			back = 7
		}
		return art.AddDate(0, 0, -back), true
	}
	return time.Time{}, false
}

// pick chooses the year of a date given without one: the latest before the
// article date after "last", the first after it after "next", else the
// nearest, counting days ahead three times since news is mostly about the
// past ("5 March" in October is the March before, not the one after). A
// period that contains the article date counts as neither before nor after.
func pick(art time.Time, dir int, at func(year int) (time.Time, bool), end func(time.Time) time.Time) (time.Time, bool) {
	if end == nil {
		end = func(t time.Time) time.Time { return t }
	}
	var best time.Time
	found := false
	for y := art.Year() - 1; y <= art.Year()+1; y++ {
		t, ok := at(y)
		if !ok {
			continue
		}
		switch {
		case dir < 0 && !end(t).Before(art), dir > 0 && !t.After(art):
			continue
		case dir < 0:
			best, found = t, true // later years come later in the loop
		case dir > 0:
			if !found {
				best, found = t, true
			}
		case !found || distance(t, end(t), art) < distance(best, end(best), art):
			best, found = t, true
		}
	}
	return best, found
}

// distance is how far the period [from, to] is from day t, with the future
// weighted three times.
func distance(from, to, t time.Time) time.Duration {
	switch {
	case t.Before(from):
		return 3 * from.Sub(t)
	case t.After(to):
		return t.Sub(to)
	}
	return 0
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func validDate(y, m, d int) (time.Time, bool) {
	t := date(y, m, d)
	return t, t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// periodEnd is the last day of the period that starts at t.
func periodEnd(t time.Time, p Precision) time.Time {
	switch p {
	case Month:
		return t.AddDate(0, 1, -1)
	case Year:
		return t.AddDate(1, 0, -1)
	}
	return t
}
