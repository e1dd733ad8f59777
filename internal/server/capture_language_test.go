package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// switchLanguage sets the signed-in user's language in settings, as they
// would.
func (c *client) switchLanguage(name, tag string) {
	c.app.t.Helper()
	form := url.Values{"action": {"profile"}, "display_name": {name}, "timezone": {"Europe/Berlin"}, "language": {tag}}
	if r := c.post("/settings", form); r.status != http.StatusSeeOther {
		c.app.t.Fatalf("settings language %s: status %d, want 303\n%.1500s", tag, r.status, r.body)
	}
}

// wantNoEnglish fails for each of subs that r's body holds.
func wantNoEnglish(t *testing.T, what string, r *response, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if strings.Contains(r.body, s) {
			t.Errorf("%s holds %q", what, s)
		}
	}
}

// TestFollowUpPagesInGerman: home's week and follow-ups, the follow-ups
// list and a follow-up's edit and remove pages are in the user's language:
// English as it was for an English user, German once they choose German.
func TestFollowUpPagesInGerman(t *testing.T) {
	f := newWeekFixture(t) // today is 2026-11-27
	late := fmtAny(f.app.scalar("SELECT id FROM followups WHERE text = 'Approve the budget'"))
	pages := []string{"/", "/followups", "/followups/" + late + "/edit", "/followups/" + late + "/delete"}
	english := map[string][]string{
		"/": {"<h1 id=\"capture-heading\">Log an interaction</h1>", "This week <span", "Follow-ups due soonest",
			">All open follow-ups</a>", "overdue since Tue 24 Nov 2026", ">Boss owes</span>", ">Mark done</button>", "aria-label=\"Mark done: Approve the budget\"", "· from <a", ">Edit</a>"},
		"/followups": {"<h1>Open follow-ups</h1>", `Keeping these is how "take responsibility" shows.`},
		"/followups/" + late + "/edit": {"<h1>Edit follow-up</h1>", "What was promised", "Who owes it",
			`<option value="boss" selected>My boss</option>`, ">Save changes</button>", ">Remove…</button>"},
		"/followups/" + late + "/delete": {"<h1>Remove this follow-up?</h1>", "Boss owes · from ",
			"It disappears from every page and export.", ">Remove follow-up</button>", ">Keep it</a>"},
	}
	german := map[string][]string{
		"/": {"<h1 id=\"capture-heading\">Gespräch festhalten</h1>", "Diese Woche <span", "Als Nächstes fällige Zusagen",
			">Alle offenen Zusagen</a>", "überfällig seit Di., 24. Nov. 2026", ">Führungskraft schuldet</span>",
			">Erledigt</button>", "aria-label=\"Als erledigt markieren: Approve the budget\"", "· aus <a", ">Bearbeiten</a>"},
		"/followups": {"<h1>Offene Zusagen</h1>", "Wer sie einhält, zeigt „Verantwortung übernehmen“."},
		"/followups/" + late + "/edit": {"<h1>Zusage bearbeiten</h1>", "Was wurde zugesagt?", "Wer schuldet es?",
			`<option value="boss" selected>Meine Führungskraft</option>`, ">Änderungen speichern</button>", ">Entfernen…</button>"},
		"/followups/" + late + "/delete": {"<h1>Diese Zusage entfernen?</h1>", "Führungskraft schuldet · aus ",
			"Sie verschwindet von jeder Seite", ">Zusage entfernen</button>", ">Behalten</a>"},
	}
	// The remove page is the answer to the remove button, a POST.
	open := func(p string) *response {
		if strings.HasSuffix(p, "/delete") {
			return f.ann.post(p, url.Values{})
		}
		return f.ann.get(p)
	}
	for _, p := range pages {
		r := open(p)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, english[p]...)
	}

	f.ann.switchLanguage("Ann", "de")
	for _, p := range pages {
		r := open(p)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, append([]string{`<html lang="de">`}, german[p]...)...)
		wantNoEnglish(t, "German "+p, r, english[p]...)
	}
}

// TestEntryPagesInGerman: the capture form, an entry's page, the entries
// list and the delete page are in the user's language, practice names
// included: English as it was, German once the user chooses German.
func TestEntryPagesInGerman(t *testing.T) {
	f := newWeekFixture(t)
	e := fmtAny(f.app.scalar("SELECT min(id) FROM entries"))
	pages := []string{"/entries/new", "/entries/" + e, "/entries", "/entries?q=zzzzqq", "/entries/" + e + "/delete"}
	english := map[string][]string{
		"/entries/new": {"<legend>Practices it showed</legend>", "<summary>What each practice means</summary>",
			`<label for="kind">Kind</label>`, `<option value="other">Other</option>`,
			`Notes <span class="muted">(Markdown, optional)</span>`, "<label for=\"boss_id\">With</label>"},
		"/entries/" + e: {">← All entries</a>", "<h3>Add a follow-up</h3>", ">Add follow-up</button>", ">Delete…</button>",
			`<option value="boss">My boss</option>`},
		"/entries":                  {"<h1>Entries</h1>", ">New entry</a>", "<label for=\"q\">Search</label>", "Any practice", "7 entries"},
		"/entries?q=zzzzqq":         {"0 entries", "No entries match. <a href=\"/entries/new\">Log an interaction</a>."},
		"/entries/" + e + "/delete": {"<h1>Delete this entry?</h1>", "will be gone for good.", ">Delete entry</button>"},
	}
	german := map[string][]string{
		"/entries/new": {"<legend>Gezeigte Praktiken</legend>", "<summary>Was jede Praktik bedeutet</summary>",
			`<label for="kind">Art</label>`, `<option value="other">Sonstiges</option>`,
			`Notizen <span class="muted">(Markdown, optional)</span>`, "<label for=\"boss_id\">Mit</label>"},
		"/entries/" + e: {">← Alle Einträge</a>", "<h3>Zusage ergänzen</h3>", ">Zusage ergänzen</button>", ">Löschen…</button>",
			`<option value="boss">Meine Führungskraft</option>`},
		"/entries":                  {"<h1>Einträge</h1>", ">Neuer Eintrag</a>", "<label for=\"q\">Suche</label>", "Jede Praktik", "7 Einträge"},
		"/entries?q=zzzzqq":         {"0 Einträge", "Keine passenden Einträge. <a href=\"/entries/new\">Gespräch festhalten</a>."},
		"/entries/" + e + "/delete": {"<h1>Diesen Eintrag löschen?</h1>", "endgültig weg.", ">Eintrag löschen</button>"},
	}
	open := func(p string) *response {
		if strings.HasSuffix(p, "/delete") {
			return f.ann.post(p, url.Values{})
		}
		return f.ann.get(p)
	}
	for _, p := range pages {
		r := open(p)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, english[p]...)
	}

	f.ann.switchLanguage("Ann", "de")
	for _, p := range pages {
		r := open(p)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, append([]string{`<html lang="de">`}, german[p]...)...)
		wantNoEnglish(t, "German "+p, r, english[p]...)
	}
}
