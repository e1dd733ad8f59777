package pages

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// entryForm builds the entry form from its choices: the active bosses and
// their active priorities, plus the entry's own boss and priority when
// editing.
func (s *Handler) entryForm(u *journal.User, form web.Form, practices []string, editing *journal.Entry, choices core.EntryChoices) web.EntryForm {
	var shown []*journal.Boss
	for _, b := range choices.Bosses {
		if !b.Archived || (editing != nil && b.ID == editing.BossID) {
			shown = append(shown, b)
		}
	}
	var prios []web.PriorityOption
	for _, p := range choices.Priorities {
		prios = append(prios, web.PriorityOption{ID: p.ID, BossName: p.BossName, Text: p.Text})
	}
	if editing != nil && editing.PriorityID > 0 && !hasPriority(prios, editing.PriorityID) {
		prios = append(prios, web.PriorityOption{ID: editing.PriorityID, BossName: editing.BossName, Text: editing.PriorityText})
	}
	f := web.EntryForm{Form: form, Practices: practices, Bosses: shown, Priorities: prios, Action: web.NewEntryAction, Submit: "Save entry"}
	if editing != nil {
		f.Action, f.Submit = entryURL(editing.ID), "Save changes"
		return f
	}
	// A re-shown form keeps its token, so the corrected post is still the
	// same one; a bad token (already refused) is replaced.
	f.Capture, f.Token = true, form.Get("token")
	f.DraftKey = "leadup-draft-" + s.DeviceKey(u)
	if f.Token == "" || form.Errors["token"] != "" {
		f.Token = s.FormToken(u)
	}
	return f
}

func hasPriority(opts []web.PriorityOption, id int64) bool {
	for _, o := range opts {
		if o.ID == id {
			return true
		}
	}
	return false
}

// newEntryPost is a blank entry form with its defaults.
func (s *Handler) newEntryPost(u *journal.User, bossID string) entryPost {
	return entryPost{Boss: bossID, Entry: journal.EntryInput{OccurredOn: s.Today(u), Kind: "one_on_one"},
		FollowUp: journal.FollowUpInput{Owner: "me"}}
}

func (s *Handler) HandleEntryNew(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	q := r.URL.Query()
	p := s.newEntryPost(u, q.Get("boss_id"))
	p.Entry.Summary, p.Entry.Notes = sharedEntry(q.Get("title"), q.Get("text"), q.Get("url"))
	choices, err := s.core.EntryChoices(r.Context(), u.ID, false)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	f := s.entryForm(u, web.Form{Values: p.values()}, nil, nil, choices)
	preselectBoss(&f, choices.LastBossID)
	s.Render(w, r, http.StatusOK, web.EntryFormPage(s.Page(r, "New entry", "entries"), f))
}

// preselectBoss chooses the boss when there is just one, and otherwise
// the boss of the latest entry, last: the everyday entry costs no extra
// tap.
func preselectBoss(f *web.EntryForm, last int64) {
	if f.Values["boss_id"] != "" || len(f.Bosses) == 0 {
		return
	}
	if len(f.Bosses) == 1 {
		f.Values["boss_id"] = strconv.FormatInt(f.Bosses[0].ID, 10)
		return
	}
	for _, b := range f.Bosses {
		if b.ID == last {
			f.Values["boss_id"] = strconv.FormatInt(last, 10)
		}
	}
}

func (s *Handler) HandleEntryCreate(w http.ResponseWriter, r *http.Request) {
	if !s.ParseForm(w, r) {
		return
	}
	u := httpx.UserFrom(r.Context())
	p := parseEntryPost(r)
	key, err := s.PostedToken(r)
	if err != nil {
		msg := journal.ErrorMessage(err)
		s.entryRefused(w, r, u, p, &journal.Error{Code: journal.EINVALID, Message: msg, Fields: map[string]string{"token": msg}}, nil)
		return
	}
	in, formErr := p.input()
	fu, fuErr := p.followUp()
	err = journal.MergeProblems(formErr, in.Validate(s.Today(u)), fuErr)
	var id, twin int64
	var replay bool
	if err == nil {
		id, replay, twin, err = s.core.LogEntry(r.Context(), u.ID, core.OnceKey{Key: key}, in, fu, s.twinSince(r, key))
	}
	if err != nil {
		s.entryRefused(w, r, u, p, err, nil)
		return
	}
	if twin != 0 {
		s.entryTwin(w, r, u, twin)
		return
	}
	msg := "Entry saved. Add any follow-ups that came out of it."
	if fu != nil {
		msg = "Entry and follow-up saved."
	}
	s.RedirectCreated(w, r, replay, entryURL(id), msg)
}

// sharedEntry turns what a share sheet sent (the manifest's share_target)
// into a new entry's summary and notes: the page's title is the summary,
// so the first screen is ready to save; the text and the link are the
// notes, opened by the whole title when it had to be cut.
func sharedEntry(title, text, link string) (summary, notes string) {
	summary, cut := journal.SummaryFromTitle(title)
	text = strings.TrimSpace(text)
	if text == summary {
		text = "" // some apps send the title as the text, too
	}
	if cut {
		text = strings.TrimSpace(strings.TrimSpace(title) + "\n\n" + text)
	}
	return summary, sharedNotes(text, link)
}

// TwinWindow is how long after saving an entry the same boss, date and
// summary under a new form token is asked about rather than saved.
const TwinWindow = 10 * time.Minute

// twinSince is when a twin of this post must have been saved to be asked
// about (see core.LogEntry): only a browser's form, which carries a
// token, is checked, and not once the person has said "Save it again".
// Zero checks nothing.
func (s *Handler) twinSince(r *http.Request, key string) time.Time {
	if key == "" || r.PostFormValue("repeat") == "yes" {
		return time.Time{}
	}
	return s.Now().Add(-TwinWindow)
}

// entryTwin answers 409 with the entry saved first and a way to save this
// one anyway: the same fields and token, so that button saves once too.
func (s *Handler) entryTwin(w http.ResponseWriter, r *http.Request, u *journal.User, twin int64) {
	e, err := s.core.Entry(r.Context(), u.ID, twin)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	var form web.Form
	for _, name := range slices.Sorted(maps.Keys(r.PostForm)) {
		for _, v := range r.PostForm[name] {
			if name != "repeat" {
				form.Carried = append(form.Carried, web.Carried{Name: name, Value: v})
			}
		}
	}
	s.Render(w, r, http.StatusConflict, web.EntryRepeatPage(s.Page(r, "Already saved", "entries"), e, form))
}

// sharedNotes turns what a share sheet sent into notes: the text, and the
// URL unless the text already holds it (Android often puts it there).
func sharedNotes(text, link string) string {
	text, link = strings.TrimSpace(text), strings.TrimSpace(link)
	if link == "" || strings.Contains(text, link) {
		return text
	}
	if text == "" {
		return link
	}
	return text + "\n\n" + link
}

// entryRefused answers a save of the entry form that failed: bad input
// re-renders the form with every typed value and a message beside each bad
// field; any other error is the error page.
func (s *Handler) entryRefused(w http.ResponseWriter, r *http.Request, u *journal.User, p entryPost, err error, editing *journal.Entry) {
	if journal.ErrorCode(err) != journal.EINVALID {
		s.Fail(w, r, err)
		return
	}
	form := httpx.RefusedForm(p.values(), err)
	choices, err := s.core.EntryChoices(r.Context(), u.ID, editing != nil)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	f := s.entryForm(u, form, p.Entry.Practices, editing, choices)
	title := "New entry"
	if editing != nil {
		title = "Edit entry"
	}
	s.Render(w, r, http.StatusUnprocessableEntity, web.EntryFormPage(s.Page(r, title, "entries"), f))
}

func entryURL(id int64) string { return "/entries/" + strconv.FormatInt(id, 10) }

// userEntry loads the {id} entry of the signed-in user.
func (s *Handler) userEntry(r *http.Request) (*journal.Entry, error) {
	return httpx.UserRecord(r, s.core.Entry)
}

func (s *Handler) HandleEntryView(w http.ResponseWriter, r *http.Request) {
	p, err := httpx.UserRecord(r, s.core.EntryPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.renderEntryPage(w, r, http.StatusOK, p, newFollowUpForm(), blockForms(p.Entry, s.Today(httpx.UserFrom(r.Context()))))
}

func newFollowUpForm() web.Form { return web.Form{Values: newFollowUpPost().values()} }

// renderEntryWith shows the page of the entry e again, after a refused
// form: fuForm is the follow-up form, blocks the forms that close its
// blocks.
func (s *Handler) renderEntryWith(w http.ResponseWriter, r *http.Request, status int, e *journal.Entry, fuForm web.Form, blocks web.BlockForms) {
	p, err := s.core.EntryPage(r.Context(), httpx.UserFrom(r.Context()).ID, e.ID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.renderEntryPage(w, r, status, p, fuForm, blocks)
}

func (s *Handler) renderEntryPage(w http.ResponseWriter, r *http.Request, status int, p *core.EntryView, fuForm web.Form, blocks web.BlockForms) {
	u := httpx.UserFrom(r.Context())
	e := p.Entry
	html, err := s.markdown.Render(e.Notes)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if fuForm.Get("token") == "" {
		fuForm.Values = httpx.WithToken(fuForm.Values, s.FormToken(u))
	}
	v := web.EntryView{Entry: e, NotesHTML: html, FollowUps: p.FollowUps, FollowUpForm: fuForm, Today: s.Today(u), Blocks: blocks, CreatedToken: p.CreatedToken}
	s.Render(w, r, status, web.EntryPage(s.Page(r, e.Summary, "entries"), v))
}

func (s *Handler) HandleEntryEdit(w http.ResponseWriter, r *http.Request) {
	p, err := httpx.UserRecord(r, s.core.EntryEditPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	e, post := p.Entry, entryPostOf(p.Entry)
	f := s.entryForm(httpx.UserFrom(r.Context()), web.Form{Values: post.values()}, post.Entry.Practices, e, p.Choices)
	s.Render(w, r, http.StatusOK, web.EntryFormPage(s.Page(r, "Edit entry", "entries"), f))
}

func (s *Handler) HandleEntryUpdate(w http.ResponseWriter, r *http.Request) {
	e, ok := httpx.PostTarget(s.Base, w, r, s.userEntry)
	if !ok {
		return
	}
	u := httpx.UserFrom(r.Context())
	p := parseEntryPost(r)
	in, formErr := p.input()
	err := journal.MergeProblems(formErr, in.Validate(s.Today(u)))
	if err == nil {
		err = s.core.UpdateEntry(r.Context(), u.ID, e.ID, in)
	}
	if err != nil {
		s.entryRefused(w, r, u, p, err, e)
		return
	}
	s.RedirectWithFlash(w, r, entryURL(e.ID), "Changes saved.")
}

// HandleEntryDelete asks first: without confirm=yes it shows a
// confirmation page, so deleting needs no script.
func (s *Handler) HandleEntryDelete(w http.ResponseWriter, r *http.Request) {
	e, err := s.userEntry(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if !s.Confirmed(w, r, web.EntryDeletePage(s.Page(r, "Delete entry", "entries"), e)) {
		return
	}
	if err := s.core.DeleteEntry(r.Context(), httpx.UserFrom(r.Context()).ID, e.ID); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, "/entries", "Entry deleted.")
}

func (s *Handler) HandleEntries(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	q := r.URL.Query()
	f := journal.EntryFilter{Query: q.Get("q"), Language: s.RequestLanguage(r), Practice: q.Get("practice"), From: q.Get("from"), To: q.Get("to")}
	bossID, bossOK := httpx.FormID(q.Get("boss_id"))
	f.BossID = bossID
	page, ok := journal.ParsePage(q.Get("page"))
	if !ok {
		s.RenderError(w, r, http.StatusBadRequest, fmt.Sprintf("There is no such page: pages are numbered from 1 to %d.", journal.MaxPage))
		return
	}
	f.Page = page
	form := web.Form{Values: map[string]string{"q": f.Query, "practice": f.Practice, "boss_id": q.Get("boss_id"), "from": f.From, "to": f.To}}
	bossErr := error(nil)
	if !bossOK {
		bossErr = journal.Problems{"boss_id": "Unknown boss."}.Err()
	}
	invalid := journal.MergeProblems(bossErr, f.Validate())
	l, err := s.core.EntriesPage(r.Context(), u.ID, f, invalid == nil)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	v := web.EntriesView{Filter: form, Bosses: l.Bosses, Page: 1}
	if invalid != nil {
		v.Filter.Errors = journal.FieldErrors(invalid)
		s.Render(w, r, http.StatusBadRequest, web.EntriesPage(s.Page(r, "Entries", "entries"), v))
		return
	}
	list := l.Page
	v.Entries, v.Count, v.Capped, v.Page = list.Entries, list.Count, list.Capped, f.Page
	if f.Page > 1 {
		v.PrevURL = pageURL("/entries", q, f.Page-1)
	}
	if list.More {
		v.NextURL = pageURL("/entries", q, f.Page+1)
	}
	s.Render(w, r, http.StatusOK, web.EntriesPage(s.Page(r, "Entries", "entries"), v))
}

// pageURL is the list at path with the same filters on another page.
func pageURL(path string, q url.Values, page int) string {
	next := url.Values{}
	for k, v := range q {
		if v[0] != "" && k != "page" {
			next.Set(k, v[0])
		}
	}
	if page > 1 {
		next.Set("page", strconv.Itoa(page))
	}
	if len(next) == 0 {
		return path
	}
	return path + "?" + next.Encode()
}
