package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// DateForm names one way of writing a date for people: the catalog's
// pattern "date.pattern.<form>" says how each language writes it.
type DateForm string

// The forms dates are written in, with how English writes 2026-11-27.
const (
	DayMonth     DateForm = "day"        // in a list: Fri 27 Nov
	DayMonthYear DateForm = "day_year"   // Fri 27 Nov 2026
	Full         DateForm = "full"       // a heading: Friday 27 November 2026
	Plain        DateForm = "plain"      // no weekday: 27 Nov 2026
	MonthYear    DateForm = "month_year" // November 2026
	ShortMonth   DateForm = "month"      // a chart's label: Nov
	ShortMonthYY DateForm = "month_yy"   // a chart's label across years: Nov 26
	Stamp        DateForm = "stamp"      // a moment: 27 Nov 2026 15:04 UTC
	FullStamp    DateForm = "full_stamp" // Friday 27 November 2026 at 15:04 CET
)

var dateForms = []DateForm{DayMonth, DayMonthYear, Full, Plain, MonthYear, ShortMonth, ShortMonthYY, Stamp, FullStamp}

// The date ranges DateRange writes, by what the two dates share; each
// is a CLDR interval pattern ("d–d MMM y"): the fields up to the first one
// repeated write the start, the rest the end.
const (
	rangeSameMonth = "date.range.same_month"
	rangeSameYear  = "date.range.same_year"
	rangeYears     = "date.range.years"
)

var (
	weekdayKeys = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}
	monthKeys   = [12]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
)

// formats is one language's names and patterns for dates and numbers,
// read from its catalog once, when the catalog is loaded.
type formats struct {
	weekdays, weekdaysShort [7]string
	months, monthsShort     [12]string
	patterns                map[DateForm][]field
	ranges                  map[string][]field
	decimal                 string // the decimal separator: "." or ","
	percent                 string // "#%": where the number goes and the sign
}

func loadFormats(l *Localizer) *formats {
	f := &formats{patterns: map[DateForm][]field{}, ranges: map[string][]field{}}
	for i, k := range weekdayKeys {
		f.weekdays[i] = l.T("date.weekday." + k)
		f.weekdaysShort[i] = l.T("date.weekday_short." + k)
	}
	for i, k := range monthKeys {
		f.months[i] = l.T("date.month." + k)
		f.monthsShort[i] = l.T("date.month_short." + k)
	}
	for _, form := range dateForms {
		f.patterns[form] = parsePattern(l.T("date.pattern." + string(form)))
	}
	for _, id := range []string{rangeSameMonth, rangeSameYear, rangeYears} {
		f.ranges[id] = parsePattern(l.T(id))
	}
	f.decimal = l.T("number.decimal")
	f.percent = l.T("number.percent")
	return f
}

// Date writes a YYYY-MM-DD date in form, in this language; a date that
// does not parse comes back as it is.
func (l *Localizer) Date(date string, form DateForm) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return l.Time(t, form)
}

// Time writes the moment t, in its own location, in form.
func (l *Localizer) Time(t time.Time, form DateForm) string {
	return l.locale.write(l.locale.patterns[form], t)
}

// Month writes a YYYY-MM month in form (MonthYear, ShortMonth,
// ShortMonthYY); a month that does not parse comes back as it is.
func (l *Localizer) Month(month string, form DateForm) string {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return month
	}
	return l.Time(t, form)
}

// DateRange writes two YYYY-MM-DD dates compactly, as this language
// writes a range: "23–29 Nov 2026", "30 Nov – 6 Dec 2026".
func (l *Localizer) DateRange(start, end string) string {
	s, err1 := time.Parse(time.DateOnly, start)
	e, err2 := time.Parse(time.DateOnly, end)
	if err1 != nil || err2 != nil {
		return start + " – " + end
	}
	id := rangeYears
	switch {
	case s.Year() == e.Year() && s.Month() == e.Month():
		id = rangeSameMonth
	case s.Year() == e.Year():
		id = rangeSameYear
	}
	p := l.locale.ranges[id]
	split := splitInterval(p)
	return l.locale.write(p[:split], s) + l.locale.write(p[split:], e)
}

// Percent writes a share (0.42) as a whole percentage: "42%", "42 %".
func (l *Localizer) Percent(share float64) string {
	n := strconv.FormatFloat(share*100, 'f', 0, 64)
	return strings.Replace(l.locale.percent, "#", n, 1)
}

// Decimal writes x with digits decimals (-1: as few as say it exactly),
// with this language's decimal separator: "2.5", "2,5".
func (l *Localizer) Decimal(x float64, digits int) string {
	s := strconv.FormatFloat(x, 'f', digits, 64)
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return s
	}
	return strings.Replace(s, ".", l.locale.decimal, 1)
}

// field is one piece of a CLDR date pattern: a run of one pattern letter
// ("MMM", "d") or literal text.
type field struct {
	letter byte // 0 for literal text
	width  int
	text   string
}

// parsePattern splits a CLDR date pattern ("EEE, d. MMM y", "d 'de'
// MMMM") into its fields. Letters are fields, text in single quotes is
// literal (” is a quote), anything else is literal.
func parsePattern(p string) []field {
	var out []field
	lit := func(s string) {
		if n := len(out); n > 0 && out[n-1].letter == 0 {
			out[n-1].text += s
			return
		}
		out = append(out, field{text: s})
	}
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\'':
			// Quoted text, in which '' is a quote; '' outside is one too.
			var q strings.Builder
			j := i + 1
			for j < len(p) {
				if p[j] == '\'' {
					if j+1 < len(p) && p[j+1] == '\'' {
						q.WriteByte('\'')
						j += 2
						continue
					}
					break
				}
				q.WriteByte(p[j])
				j++
			}
			if j == i+1 && j < len(p) {
				q.WriteByte('\'') // '' outside quotes
			}
			if q.Len() > 0 {
				lit(q.String())
			}
			i = j + 1
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			j := i
			for j < len(p) && p[j] == c {
				j++
			}
			out = append(out, field{letter: c, width: j - i})
			i = j
		default:
			j := i + 1
			for j < len(p) && p[j] != '\'' && !('a' <= p[j] && p[j] <= 'z' || 'A' <= p[j] && p[j] <= 'Z') {
				j++
			}
			lit(p[i:j])
			i = j
		}
	}
	return out
}

// splitInterval is where a CLDR interval pattern turns from the start
// date to the end: at the first field whose letter came before.
func splitInterval(p []field) int {
	seen := map[byte]bool{}
	for i, f := range p {
		if f.letter == 0 {
			continue
		}
		if seen[f.letter] {
			// The literal before the repeated field (" – ") belongs to
			// the start's half either way; split after it.
			return i
		}
		seen[f.letter] = true
	}
	return len(p)
}

// write writes t by the pattern's fields.
func (f *formats) write(p []field, t time.Time) string {
	var b strings.Builder
	for _, fl := range p {
		switch fl.letter {
		case 0:
			b.WriteString(fl.text)
		case 'E':
			if fl.width >= 4 {
				b.WriteString(f.weekdays[t.Weekday()])
			} else {
				b.WriteString(f.weekdaysShort[t.Weekday()])
			}
		case 'd':
			b.WriteString(pad(t.Day(), fl.width))
		case 'M', 'L':
			switch {
			case fl.width >= 4:
				b.WriteString(f.months[t.Month()-1])
			case fl.width == 3:
				b.WriteString(f.monthsShort[t.Month()-1])
			default:
				b.WriteString(pad(int(t.Month()), fl.width))
			}
		case 'y':
			if fl.width == 2 {
				b.WriteString(pad(t.Year()%100, 2))
			} else {
				b.WriteString(pad(t.Year(), fl.width))
			}
		case 'H':
			b.WriteString(pad(t.Hour(), fl.width))
		case 'm':
			b.WriteString(pad(t.Minute(), fl.width))
		case 'z':
			b.WriteString(t.Format("MST"))
		default:
			// A letter this formatter does not know is written as it
			// stands, so a translator sees it on the page.
			b.WriteString(strings.Repeat(string(fl.letter), fl.width))
		}
	}
	return b.String()
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
