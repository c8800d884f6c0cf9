package model

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"congkhai/generator/content"
	"congkhai/generator/schedule"
)

// New builds the model from a validated content set. Validation has checked every
// reference, so New does not fail; a reference it cannot resolve is a bug in Validate and
// panics.
func New(set *content.Set, asOf schedule.Date) *Site { return NewCached(set, asOf, nil) }

// NewCached is New that takes from c what earlier builds derived from files unchanged
// since, and adds to it what it derives; c may be nil.
func NewCached(set *content.Set, asOf schedule.Date, c *Cache) *Site {
	b := &builder{
		cache:       c,
		site:        &Site{AsOf: asOf, documents: map[string]*Plan{}},
		agencies:    map[string]*Agency{},
		authorities: map[string]*Authority{},
		plans:       map[string]*Plan{},
		tasks:       map[string]*Task{},
		coll:        collate.New(language.Vietnamese),
	}
	if c != nil {
		c.Begin()
		defer c.End()
	}
	b.site.Sources = set.Hashes
	if set.Holidays != nil {
		b.site.HolidaysFile = set.Holidays.File
	}
	if f := set.Site; f != nil {
		b.site.SiteFile = f.File
		b.site.Title, b.site.Description, b.site.Publisher = f.Title, f.Description, f.Publisher
		b.site.Footer, b.site.BaseURL = f.Footer, f.BaseURL
		b.site.License, b.site.ContactEmail = f.OpenData.License, f.OpenData.ContactEmail
	}
	for _, f := range set.Authorities {
		b.authority(f)
	}
	b.linkAgencies(set)
	for _, f := range set.Plans {
		b.plan(f)
	}
	b.reports(set.Reports)
	b.registers(set)
	b.derive()
	return b.site
}

type builder struct {
	site        *Site
	agencies    map[string]*Agency    // by key "authority/id"
	authorities map[string]*Authority // by ID
	plans       map[string]*Plan      // by ID
	tasks       map[string]*Task      // by "plan/task"
	coll        *collate.Collator
	cache       *Cache // nil: derive everything
}

func (b *builder) compare(x, y string) int { return b.coll.CompareString(x, y) }

func (b *builder) authority(f *content.AgencyFile) {
	a := &Authority{ID: f.ID, File: f.File, Name: f.Authority.Name, Level: f.Authority.Level, Successor: f.Authority.Successor,
		SuccessorDate: date(f.Authority.SuccessorDate), SuccessorNote: f.Authority.SuccessorNote}
	for _, r := range f.Agencies {
		ag := &Agency{Key: f.ID + "/" + r.ID, ID: r.ID, Authority: a, Name: r.Name, ShortNames: r.ShortNames,
			Aliases: r.Aliases, Code: r.Code, Kind: r.Kind, Level: r.Level, SuccessorDate: date(r.SuccessorDate),
			SuccessorNote: r.SuccessorNote, SuccessorUnknown: r.SuccessorUnknown, Description: r.Description}
		a.Agencies = append(a.Agencies, ag)
		b.agencies[ag.Key] = ag
		b.site.Agencies = append(b.site.Agencies, ag)
	}
	b.site.Authorities = append(b.site.Authorities, a)
	b.authorities[a.ID] = a
}

func (b *builder) agency(authority, ref string) *Agency {
	key := ref
	if !strings.Contains(ref, "/") {
		key = authority + "/" + ref
	}
	a, ok := b.agencies[key]
	if !ok {
		panic("model: unresolved agency " + key + " (Validate should have caught it)")
	}
	return a
}

func (b *builder) agencyList(authority string, refs []string) []*Agency {
	out := make([]*Agency, len(refs))
	for i, r := range refs {
		out[i] = b.agency(authority, r)
	}
	return out
}

func (b *builder) responsible(authority string, r content.Responsible) Responsible {
	return Responsible{Lead: b.agencyList(authority, r.Lead), LeadText: r.LeadText,
		Cooperating: b.agencyList(authority, r.Cooperating), CooperatingText: r.CooperatingText}
}

func (b *builder) linkAgencies(set *content.Set) {
	for _, f := range set.Authorities {
		for _, r := range f.Agencies {
			ag := b.agencies[f.ID+"/"+r.ID]
			if r.Parent != "" {
				ag.Parent = b.agency(f.ID, r.Parent)
				ag.Parent.Children = append(ag.Parent.Children, ag)
			}
			if r.Successor != "" {
				ag.Successor = b.agency(f.ID, r.Successor)
				ag.Successor.Predecessors = append(ag.Successor.Predecessors, ag)
			}
		}
	}
	byName := func(x, y *Agency) int {
		return cmp.Or(b.compare(x.Name, y.Name), cmp.Compare(x.Key, y.Key))
	}
	slices.SortFunc(b.site.Authorities, func(x, y *Authority) int { return cmp.Or(b.compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID)) })
	slices.SortFunc(b.site.Agencies, byName)
	for _, a := range b.site.Authorities {
		slices.SortFunc(a.Agencies, byName)
	}
	for _, ag := range b.site.Agencies {
		slices.SortFunc(ag.Children, byName)
		slices.SortFunc(ag.Predecessors, byName)
	}
}

func (b *builder) plan(f *content.PlanFile) {
	auth := b.authorities[f.Authority]
	p := &Plan{ID: f.ID, Authority: auth, Kind: f.Kind, Year: f.Year, Title: f.Title, ShortTitle: f.ShortTitle,
		Source: f.Source, EditorNotes: f.EditorNotes, Files: []string{f.File}}
	if p.ShortTitle == "" {
		p.ShortTitle = p.Title
	}
	d := f.Document
	p.Document = Document{Type: d.Type, Number: d.Number, Date: date(d.Date), DateText: d.DateText, Place: d.Place,
		Title: d.Title, Issuer: d.Issuer, Signer: d.Signer, SignerTitle: d.SignerTitle, LegalBases: d.LegalBases,
		Proposal: d.Proposal, Recipients: d.Recipients, URL: d.URL}
	if f.Decision != nil {
		p.Files = append(p.Files, f.Decision.File)
		p.Decision = f.Decision.Body
	}
	if f.Narrative != nil {
		p.Files = append(p.Files, f.Narrative.File)
		p.Narrative = f.Narrative.Body
	}
	sections := map[string]*Section{}
	for _, r := range f.Sections {
		s := &Section{ID: r.ID, Number: r.Number, Title: r.Title, Plan: p}
		sections[r.ID] = s
		if r.Parent != "" {
			s.Parent = sections[r.Parent]
			s.Parent.Children = append(s.Parent.Children, s)
		} else {
			p.Sections = append(p.Sections, s)
		}
	}
	for _, r := range f.Tasks {
		t := &Task{ID: r.ID, Aliases: r.Aliases, Plan: p, Section: sections[r.Section], STT: r.STT, STT2: r.STT2, Content: r.Content,
			Notes: r.Notes, EditorNote: r.EditorNote}
		as := r.Assignments
		if len(as) == 0 {
			as = []content.Assignment{r.Assignment}
		}
		for _, a := range as {
			t.Assignments = append(t.Assignments, &Assignment{
				Responsible:     b.responsible(f.Authority, a.Responsible),
				Outputs:         a.Outputs,
				DeadlinePrinted: a.Deadline, DeadlineReadAs: a.DeadlineReadAs,
				Deadline: schedule.Parse(cmp.Or(a.DeadlineReadAs, a.Deadline), f.Year),
			})
		}
		for i, rv := range r.Revisions {
			after := r.Content
			if i+1 < len(r.Revisions) {
				after = r.Revisions[i+1].Content
			}
			t.Revisions = append(t.Revisions, &Revision{Date: date(rv.Date), Before: rv.Content, After: after, Note: rv.Note, Minor: rv.Minor})
		}
		t.Deciding = deciding(t.Assignments)
		t.Deadline = t.Deciding.Deadline
		t.Section.Tasks = append(t.Section.Tasks, t)
		p.Tasks = append(p.Tasks, t)
		b.tasks[p.ID+"/"+t.ID] = t
	}
	for _, c := range f.Changes {
		pc := &PlanChange{Date: date(c.Date), Note: c.Note, Minor: c.Minor}
		if c.Task != "" {
			pc.Task = b.tasks[p.ID+"/"+c.Task]
		}
		p.Changes = append(p.Changes, pc)
	}
	slices.SortStableFunc(p.Changes, func(x, y *PlanChange) int { return x.Date.Compare(y.Date) })
	for _, r := range f.Indicators {
		ind := &Indicator{ID: r.ID, STT: r.STT, Name: r.Name, Unit: r.Unit, Target: r.Target, Plan: p,
			Responsible: b.responsible(f.Authority, r.Responsible),
			Evaluating:  b.agencyList(f.Authority, r.Evaluating), EvaluatingText: r.EvaluatingText, Notes: r.Notes, EditorNote: r.EditorNote}
		if r.Section != "" {
			ind.Section = sections[r.Section]
			ind.Section.Indicators = append(ind.Section.Indicators, ind)
		}
		p.Indicators = append(p.Indicators, ind)
	}
	auth.Plans = append(auth.Plans, p)
	b.site.Plans = append(b.site.Plans, p)
	if p.Document.Number != "" {
		b.site.documents[auth.ID+"|"+p.Document.Number] = p
	}
	b.plans[p.ID] = p
}

// deciding picks the deadline that decides a task's status among its assignments': a
// recurring one if any, else the one due last, else the first.
func deciding(as []*Assignment) *Assignment {
	best := as[0]
	for _, a := range as {
		if a.Deadline.Kind == schedule.KindRecurring {
			return a
		}
		due, ok := a.Deadline.DueDay()
		bestDue, bestOK := best.Deadline.DueDay()
		if ok && (!bestOK || due.After(bestDue)) {
			best = a
		}
	}
	return best
}

func (b *builder) reports(files []*content.ReportFile) {
	for _, f := range files {
		p, task := b.plans[f.Plan], b.tasks[f.Plan+"/"+f.Task]
		r := &Report{File: f.File, Task: task, Date: date(f.Date), Agency: b.agency(p.Authority.ID, f.Agency),
			State: f.Status, Percent: -1, Period: f.Period, Completed: date(f.Completed),
			Illustrative: f.Illustrative, Body: f.Body}
		if f.Percent != nil {
			r.Percent = *f.Percent
		}
		for _, e := range f.Evidence {
			r.Evidence = append(r.Evidence, Evidence{Number: e.Number, Title: e.Title, URL: e.URL, Date: date(e.Date)})
		}
		task.Reports = append(task.Reports, r)
		p.Reports = append(p.Reports, r)
		b.site.Reports = append(b.site.Reports, r)
		if r.Illustrative {
			b.site.illustrative("các báo cáo tiến độ")
		}
	}
}

// newestFirst orders reports by date, newest first, then by file for a total order.
func newestFirst(x, y *Report) int {
	if c := y.Date.Compare(x.Date); c != 0 {
		return c
	}
	return cmp.Compare(x.File, y.File)
}

// derive computes statuses and counts, and links agencies to the tasks they work on.
func (b *builder) derive() {
	s := b.site
	for _, p := range s.Plans {
		for _, t := range p.Tasks {
			slices.SortStableFunc(t.Reports, func(x, y *Report) int { return -newestFirst(x, y) })
			rs := make([]schedule.Report, len(t.Reports))
			for i, r := range t.Reports {
				rs[i] = schedule.Report{Date: r.Date, State: r.State, Percent: r.Percent, Period: r.Period, Completed: r.Completed}
			}
			t.Assessment = schedule.Assess(t.Deadline, rs, s.AsOf, s.StatusRules)
			as := t.Assessment
			p.Counts.Add(as)
			s.Counts.Add(as)
			for sec := t.Section; sec != nil; sec = sec.Parent {
				sec.Counts.Add(as)
			}
			// An agency both leading and cooperating on a task (in two assignments) counts
			// as leading it; each agency counts a task once.
			seen := map[*Agency]bool{}
			for _, a := range t.Assignments {
				for _, ag := range a.Lead {
					if !seen[ag] {
						seen[ag] = true
						ag.Leads = append(ag.Leads, t)
						ag.LeadCounts.Add(as)
					}
				}
			}
			for _, a := range t.Assignments {
				for _, ag := range a.Cooperating {
					if !seen[ag] {
						seen[ag] = true
						ag.Cooperates = append(ag.Cooperates, t)
						ag.CoopCounts.Add(as)
					}
				}
			}
		}
		for _, ind := range p.Indicators {
			seen := map[*Agency]bool{}
			for _, group := range [][]*Agency{ind.Lead, ind.Cooperating, ind.Evaluating} {
				for _, ag := range group {
					if !seen[ag] {
						seen[ag] = true
						ag.Indicators = append(ag.Indicators, ind)
					}
				}
			}
		}
		slices.SortStableFunc(p.Reports, newestFirst)
	}
	slices.SortStableFunc(s.Reports, newestFirst)
	slices.SortStableFunc(s.Plans, func(x, y *Plan) int {
		return cmp.Or(cmp.Compare(y.Year, x.Year), b.compare(x.Title, y.Title), cmp.Compare(x.ID, y.ID))
	})
	for _, a := range s.Authorities {
		slices.SortStableFunc(a.Plans, func(x, y *Plan) int { return cmp.Or(cmp.Compare(y.Year, x.Year), cmp.Compare(x.ID, y.ID)) })
	}
	// An agency's tasks and indicators follow the plans in the site's order, newest year
	// first, so that its page, which shows the first of them, shows the current ones.
	order := make(map[*Plan]int, len(s.Plans))
	for i, p := range s.Plans {
		order[p] = i
	}
	byPlan := func(x, y *Task) int { return cmp.Compare(order[x.Plan], order[y.Plan]) }
	for _, ag := range s.Agencies {
		slices.SortStableFunc(ag.Leads, byPlan)
		slices.SortStableFunc(ag.Cooperates, byPlan)
		slices.SortStableFunc(ag.Indicators, func(x, y *Indicator) int { return cmp.Compare(order[x.Plan], order[y.Plan]) })
	}
}
