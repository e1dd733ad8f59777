package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestGlanceBossesAndMessagesInGerman: home's glance, a boss's relation
// and a priority's status, and the messages the Go code writes for a page
// out of range, a missing entry, a bad week and a wrong password, and the
// week chart's labels reach a German user in German, and an English user
// as before.
func TestGlanceBossesAndMessagesInGerman(t *testing.T) {
	f := newWeekFixture(t)
	en := map[string][]string{
		"/":                       {"This week at a glance", "Not yet this week:", "1 overdue follow-up.", "See them"},
		"/bosses":                 {"Manager", "Skip-level manager", "Stakeholder", "<label for=\"relation\">Relation</label>"},
		"/bosses/" + f.dana:       {"Active since"},
		"/entries?page=1000001":   {"There is no such page: pages are numbered from 1 to 1000000."},
		"/followups?page=1000001": {"There is no such page: pages are numbered from 1 to 1000000."},
		"/entries/999999":         {"That entry does not exist."},
		"/weeks/2026-W99":         {"&#34;2026-W99&#34; is not a week: write it like 2026-W48."},
		"/weeks/2026-W48":         {`class="axis-label">W48</text>`},
	}
	de := map[string][]string{
		"/":                       {"Diese Woche auf einen Blick", "Diese Woche noch nicht:", "1 überfällige Zusage.", "Ansehen"},
		"/bosses":                 {"Direkte Führungskraft", "Nächsthöhere Führungskraft", "<label for=\"relation\">Beziehung</label>"},
		"/bosses/" + f.dana:       {"Aktiv seit"},
		"/entries?page=1000001":   {"Diese Seite gibt es nicht: Die Seiten sind von 1 bis 1000000 nummeriert."},
		"/followups?page=1000001": {"Diese Seite gibt es nicht: Die Seiten sind von 1 bis 1000000 nummeriert."},
		"/entries/999999":         {"Diesen Eintrag gibt es nicht."},
		"/weeks/2026-W99":         {"&#34;2026-W99&#34; ist keine Woche: Schreib sie wie 2026-W48."},
		"/weeks/2026-W48":         {`class="axis-label">KW48</text>`},
	}
	check := func(lang string, want map[string][]string) {
		t.Helper()
		for path, subs := range want {
			r := f.ann.get(path)
			if r.status != http.StatusOK && r.status != http.StatusBadRequest && r.status != http.StatusNotFound {
				t.Errorf("%s %s: status %d", lang, path, r.status)
			}
			for _, s := range subs {
				if !strings.Contains(r.body, s) {
					t.Errorf("%s %s lacks %q", lang, path, s)
				}
			}
		}
	}
	check("en", en)
	r := f.ann.post("/settings", url.Values{"action": {"password"}, "current_password": {"not the password"}, "new_password": {"a new long password"}})
	wantBody(t, r, "That is not your current password.")
	f.ann.switchLanguage("Ann", "de")
	check("de", de)
	r = f.ann.post("/settings", url.Values{"action": {"password"}, "current_password": {"not the password"}, "new_password": {"a new long password"}})
	wantBody(t, r, "Das ist nicht dein aktuelles Passwort.")
	wantNoEnglish(t, "the German boss page", f.ann.get("/bosses/"+f.dana), "Active since", ">Done<", ">Dropped<")
}
