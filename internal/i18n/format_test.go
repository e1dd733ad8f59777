package i18n

import (
	"testing"
	"time"
)

const nbsp = "\u00a0"

// TestDatesAndNumbersInEachLanguage checks every language's dates and
// numbers against CLDR's way of writing them, and English against how
// leadup has always written them.
func TestDatesAndNumbersInEachLanguage(t *testing.T) {
	c := MustLoad("en")
	cet, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	moment := time.Date(2026, 11, 27, 15, 4, 0, 0, cet)
	type want struct {
		day, dayYear, full, plain, monthYear, month, monthYY, stamp, fullStamp string
		sameMonth, acrossMonths, acrossYears                                   string
		percent, decimal, decimal1                                             string
		sunday, may                                                            string
	}
	cases := map[string]want{
		"en": {
			day: "Fri 27 Nov", dayYear: "Fri 27 Nov 2026", full: "Friday 27 November 2026", plain: "27 Nov 2026",
			monthYear: "November 2026", month: "Nov", monthYY: "Nov 26",
			stamp: "27 Nov 2026 14:04 UTC", fullStamp: "Friday 27 November 2026 at 15:04 CET",
			sameMonth: "23–29 Nov 2026", acrossMonths: "30 Nov – 6 Dec 2026", acrossYears: "28 Dec 2026 – 3 Jan 2027",
			percent: "42%", decimal: "2.5", decimal1: "0.3",
			sunday: "Sun 6 Dec 2026", may: "Wednesday 5 May 2027",
		},
		"de": {
			day: "Fr., 27. Nov.", dayYear: "Fr., 27. Nov. 2026", full: "Freitag, 27. November 2026", plain: "27. Nov. 2026",
			monthYear: "November 2026", month: "Nov.", monthYY: "Nov. 26",
			stamp: "27. Nov. 2026, 14:04 UTC", fullStamp: "Freitag, 27. November 2026 um 15:04 CET",
			sameMonth: "23.–29. Nov. 2026", acrossMonths: "30. Nov. – 6. Dez. 2026", acrossYears: "28. Dez. 2026 – 3. Jan. 2027",
			percent: "42" + nbsp + "%", decimal: "2,5", decimal1: "0,3",
			sunday: "So., 6. Dez. 2026", may: "Mittwoch, 5. Mai 2027",
		},
		"es": {
			day: "vie, 27 nov", dayYear: "vie, 27 nov 2026", full: "viernes, 27 de noviembre de 2026", plain: "27 nov 2026",
			monthYear: "noviembre de 2026", month: "nov", monthYY: "nov 26",
			stamp: "27 nov 2026, 14:04 UTC", fullStamp: "viernes, 27 de noviembre de 2026, 15:04 CET",
			sameMonth: "23–29 nov 2026", acrossMonths: "30 nov – 6 dic 2026", acrossYears: "28 dic 2026 – 3 ene 2027",
			percent: "42" + nbsp + "%", decimal: "2,5", decimal1: "0,3",
			sunday: "dom, 6 dic 2026", may: "miércoles, 5 de mayo de 2027",
		},
		"fr": {
			day: "ven. 27 nov.", dayYear: "ven. 27 nov. 2026", full: "vendredi 27 novembre 2026", plain: "27 nov. 2026",
			monthYear: "novembre 2026", month: "nov.", monthYY: "nov. 26",
			stamp: "27 nov. 2026, 14:04 UTC", fullStamp: "vendredi 27 novembre 2026 à 15:04 CET",
			sameMonth: "23–29 nov. 2026", acrossMonths: "30 nov. – 6 déc. 2026", acrossYears: "28 déc. 2026 – 3 janv. 2027",
			percent: "42" + nbsp + "%", decimal: "2,5", decimal1: "0,3",
			sunday: "dim. 6 déc. 2026", may: "mercredi 5 mai 2027",
		},
	}
	for tag, w := range cases {
		t.Run(tag, func(t *testing.T) {
			l := c.Localizer(tag)
			checks := []struct{ name, got, want string }{
				{"DayMonth", l.Date("2026-11-27", DayMonth), w.day},
				{"DayMonthYear", l.Date("2026-11-27", DayMonthYear), w.dayYear},
				{"Full", l.Date("2026-11-27", Full), w.full},
				{"Plain", l.Date("2026-11-27", Plain), w.plain},
				{"MonthYear", l.Month("2026-11", MonthYear), w.monthYear},
				{"ShortMonth", l.Month("2026-11", ShortMonth), w.month},
				{"ShortMonthYY", l.Month("2026-11", ShortMonthYY), w.monthYY},
				{"Stamp", l.Time(moment.UTC(), Stamp), w.stamp},
				{"FullStamp", l.Time(moment, FullStamp), w.fullStamp},
				{"range within a month", l.DateRange("2026-11-23", "2026-11-29"), w.sameMonth},
				{"range across months", l.DateRange("2026-11-30", "2026-12-06"), w.acrossMonths},
				{"range across years", l.DateRange("2026-12-28", "2027-01-03"), w.acrossYears},
				{"Percent", l.Percent(0.42), w.percent},
				{"Decimal", l.Decimal(2.5, -1), w.decimal},
				{"Decimal to one place", l.Decimal(0.26, 1), w.decimal1},
				{"a Sunday", l.Date("2026-12-06", DayMonthYear), w.sunday},
				{"May", l.Date("2027-05-05", Full), w.may},
				{"not a date", l.Date("2026-13-40", Full), "2026-13-40"},
			}
			for _, ch := range checks {
				if ch.got != ch.want {
					t.Errorf("%s: got %q, want %q", ch.name, ch.got, ch.want)
				}
			}
		})
	}
}

// TestEveryLanguageNamesEveryDay checks each language's names: seven
// different weekdays and twelve different months, short and long.
func TestEveryLanguageNamesEveryDay(t *testing.T) {
	c := MustLoad("en")
	for _, tag := range c.Tags() {
		f := c.Localizer(tag).locale
		for name, names := range map[string][]string{
			"weekdays": f.weekdays[:], "short weekdays": f.weekdaysShort[:],
			"months": f.months[:], "short months": f.monthsShort[:],
		} {
			seen := map[string]bool{}
			for _, n := range names {
				if n == "" || seen[n] {
					t.Errorf("%s %s: %q is empty or named twice in %q", tag, name, n, names)
				}
				seen[n] = true
			}
		}
	}
}

// TestParsePatternQuotes checks the literal text of CLDR patterns.
func TestParsePatternQuotes(t *testing.T) {
	c := MustLoad("en")
	f := c.Localizer("en").locale
	day := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for pattern, want := range map[string]string{
		"d 'de' MMMM":    "27 de November",
		"d 'o''clock' y": "27 o'clock 2026",
		"dd.MM.yy":       "27.11.26",
		"''d''":          "'27'",
	} {
		if got := f.write(parsePattern(pattern), day); got != want {
			t.Errorf("%q: got %q, want %q", pattern, got, want)
		}
	}
}

// BenchmarkDate measures one date as a page writes it, in German.
func BenchmarkDate(b *testing.B) {
	l := MustLoad("en").Localizer("de")
	for b.Loop() {
		_ = l.Date("2026-11-27", DayMonthYear)
	}
}

// BenchmarkDateRange measures a week's heading, in German.
func BenchmarkDateRange(b *testing.B) {
	l := MustLoad("en").Localizer("de")
	for b.Loop() {
		_ = l.DateRange("2026-11-30", "2026-12-06")
	}
}
