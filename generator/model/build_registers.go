package model

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/fold"
	"congkhai/generator/markdown"
	"congkhai/generator/parallel"
	"congkhai/generator/privacy"
	"congkhai/generator/schedule"
	"congkhai/generator/vocab"
)

// DefaultPetitionRule is the answer deadline when site.toml sets none: the plans require an
// answer within 10 days of receipt, counted here in working days.
var DefaultPetitionRule = PetitionRule{Days: 10}

func (b *builder) registers(set *content.Set) {
	s := b.site
	s.PetitionRule = DefaultPetitionRule
	if f := set.Site; f != nil && f.Petitions.AnswerDays != nil {
		s.PetitionRule = PetitionRule{Days: *f.Petitions.AnswerDays, Calendar: f.Petitions.CalendarDays}
	} else if f != nil {
		s.PetitionRule.Calendar = f.Petitions.CalendarDays
	}
	s.StatusRules = schedule.DefaultRules
	if f := set.Site; f != nil {
		if m := f.Status.StaleMonths; m != nil {
			s.StatusRules.StaleMonths = *m
		}
		if d := f.Status.GraceDays; d != nil {
			s.StatusRules.GraceDays = *d
		}
	}
	var off, on []schedule.Period
	if h := set.Holidays; h != nil {
		off, on = periods(h.Holidays), periods(h.Workdays)
	}
	s.Calendar = schedule.NewCalendar(off, on)

	b.procedures(set.Procedures)
	var rules content.PetitionRules
	if set.Site != nil {
		rules = set.Site.Petitions
	}
	b.petitions(set.Petitions, rules)
	b.scores(set.Results)
	s.groupProcedures()
	s.groupPetitions()
}

func periods(days []content.HolidayRec) []schedule.Period {
	out := make([]schedule.Period, len(days))
	for i, d := range days {
		out[i] = schedule.Period{Start: date(d.From), End: date(d.From)}
		if !d.To.IsZero() {
			out[i].End = date(d.To)
		}
	}
	return out
}

func (b *builder) procedures(files []*content.ProcedureFile) {
	s := b.site
	// A field's page is named by its slug: fields are the same field when their slugs are
	// ("Hộ tịch", "HỘ TỊCH"), named as the first file (in file order) writes them.
	// Validation reports two spellings; keyed by name, they were two fields sharing one
	// page, and which one the page showed changed from build to build.
	fields := map[string]*Field{}
	s.procedures = map[string]*Procedure{}
	for _, f := range files {
		p := &Procedure{File: f.File, Code: f.Code, Name: f.Name, Levels: f.Levels, Kind: f.Kind, Subjects: f.Subjects,
			Address: f.Address, Steps: f.Steps, DossierText: f.DossierText,
			Conditions: f.Conditions, Results: f.Results, LegalBases: f.LegalBases, Online: f.Online, Postal: f.Postal,
			Decision: f.Decision, LocalCode: f.LocalCode, LocalDecision: f.LocalDecision, SourceURL: f.SourceURL,
			Illustrative: f.Illustrative}
		for _, m := range f.Methods {
			p.Methods = append(p.Methods, newMethod(m))
		}
		for _, d := range f.Dossier {
			p.Dossier = append(p.Dossier, newDossier(d))
		}
		if p.Illustrative {
			s.illustrative("các thủ tục có nhãn minh họa")
		}
		slug := fold.Slug(f.Field)
		field := fields[slug]
		if field == nil {
			field = &Field{Name: f.Field, Slug: slug}
			fields[slug] = field
			s.Fields = append(s.Fields, field)
		}
		p.Field = field
		field.Procedures = append(field.Procedures, p)
		seen := map[*Agency]bool{}
		for _, a := range f.Agencies {
			pa := ProcedureAgency{Role: a.Role, Name: a.Name}
			if a.ID != "" {
				pa.Agency = b.agency("", a.ID)
				if !seen[pa.Agency] {
					seen[pa.Agency] = true
					pa.Agency.Procedures = append(pa.Agency.Procedures, p)
				}
			}
			p.Agencies = append(p.Agencies, pa)
		}
		s.Procedures = append(s.Procedures, p)
		s.procedures[p.Code] = p
	}
	// By name, in Vietnamese order, from the name's first letter or digit: a name written
	// with a stray mark before it (". Thủ tục …") sorts with the other names, not before
	// them all.
	byName := func(x, y *Procedure) int {
		return cmp.Or(b.compare(sortName(x.Name), sortName(y.Name)), cmp.Compare(x.Code, y.Code))
	}
	slices.SortFunc(s.Procedures, byName)
	slices.SortFunc(s.Fields, func(x, y *Field) int { return cmp.Or(b.compare(x.Name, y.Name), cmp.Compare(x.Slug, y.Slug)) })
	for _, f := range s.Fields {
		slices.SortFunc(f.Procedures, byName)
	}
	for _, a := range s.Agencies {
		slices.SortFunc(a.Procedures, byName)
	}
}

// Procedure returns the procedure with a national code, or nil.
func (s *Site) Procedure(code string) *Procedure { return s.procedures[code] }

func (b *builder) petitions(files []*content.PetitionFile, rules content.PetitionRules) {
	s := b.site
	names := b.publicNames(rules)
	masker := privacy.NewMasker(names)
	// Masking is most of the time of the model on a site with many petitions: it runs on
	// every core, a petition a job, and what it made of a file is kept in the cache, by the
	// file's bytes and the names the masker keeps.
	key := b.cache.masking(names)
	masked := make([]maskedPetition, len(files))
	parallel.Do(len(files), func(i int) error {
		k := key(files[i].File, s.Sources[files[i].File])
		if m, ok := b.cache.get(k); ok {
			masked[i] = *m
			return nil
		}
		masked[i] = maskPetition(masker, files[i])
		b.cache.put(k, &masked[i])
		return nil
	})
	for _, m := range masked {
		for _, w := range m.Warnings {
			s.Warnings.Add(w.Pos, "%s", w.Msg)
		}
	}
	for i, f := range files {
		// The site shows petitions as they stood on the as-of day, as it does tasks: one
		// received later is not listed yet, and an answer given later is not given yet.
		if date(f.Received).After(s.AsOf) {
			continue
		}
		m := masked[i]
		if date(f.Answered).After(s.AsOf) {
			g := *f
			g.Status, g.Answered = vocab.PetitionProcessing, time.Time{}
			f, m.Answer, m.Documents = &g, "", nil
		}
		p := &Petition{File: f.File, ID: f.ID, Received: date(f.Received), Channel: f.Channel, Kind: f.Kind,
			Subject: m.Subject, ProcedureCode: f.Procedure, Procedure: s.procedures[f.Procedure],
			Agencies: b.agencyList("", f.Agencies), Status: f.Status, Answered: date(f.Answered),
			Question: m.Question, Answer: m.Answer, Documents: m.Documents, Illustrative: f.Illustrative}
		p.Due, p.Timeliness, p.Days = s.assessPetition(p)
		if p.Procedure != nil {
			p.Procedure.Petitions = append(p.Procedure.Petitions, p)
		}
		for _, a := range p.Agencies {
			a.Petitions = append(a.Petitions, p)
			a.PetitionCounts.Add(p.Timeliness)
		}
		s.PetitionCounts.Add(p.Timeliness)
		s.Petitions = append(s.Petitions, p)
		if p.Illustrative {
			s.illustrative("các phản ánh, kiến nghị")
		}
	}
	newest := func(x, y *Petition) int { return cmp.Or(y.Received.Compare(x.Received), cmp.Compare(y.ID, x.ID)) }
	slices.SortFunc(s.Petitions, newest)
	for _, a := range s.Agencies {
		slices.SortFunc(a.Petitions, newest)
	}
	for _, p := range s.Procedures {
		slices.SortFunc(p.Petitions, newest)
	}
}

// maskedPetition is what a petition may show, masked, and the doubts masking left.
type maskedPetition struct {
	Subject, Question, Answer string
	Documents                 []Evidence
	Warnings                  []warning
}

// warning is a doubt masking left, at its place in the petition's file.
type warning struct {
	Pos diag.Pos
	Msg string
}

// maskPetition masks every text a petition shows: the subject and the question as a
// citizen's, the answer and its documents as the agency's (officials named in their role
// stay). Markdown is masked as a page shows it. What still looks personal is a warning at
// its place in the file.
func maskPetition(m *privacy.Masker, f *content.PetitionFile) maskedPetition {
	out := maskedPetition{
		Subject:  m.Text(f.Subject, privacy.Citizen),
		Question: m.Markdown(f.Question, privacy.Citizen),
		Answer:   m.Markdown(f.Answer, privacy.Agency),
	}
	warn := func(key, shown string, a privacy.Author) {
		for _, x := range m.Suspects(shown, a) {
			text := shown[x.Start:x.End]
			first, _, _ := strings.Cut(text, " ")
			out.Warnings = append(out.Warnings, warning{f.PosIn(key, first), fmt.Sprintf("có thể còn %s chưa được che: %q; nếu đúng, hãy sửa nội dung; nếu không, thêm vào public_names trong [pakn] của site.toml", x.Kind.Label(), text)})
		}
	}
	warn("subject", out.Subject, privacy.Citizen)
	warn("question", markdown.Text(out.Question), privacy.Citizen)
	warn("answer", markdown.Text(out.Answer), privacy.Agency)
	for i, d := range f.Documents {
		e := Evidence{Number: m.Text(d.Number, privacy.Agency), Title: m.Text(d.Title, privacy.Agency), Date: date(d.Date)}
		if m.SafeAddress(d.URL, privacy.Agency) {
			e.URL = d.URL
		}
		key := "document." + strconv.Itoa(i)
		warn(key+".title", e.Title, privacy.Agency)
		out.Documents = append(out.Documents, e)
	}
	if m.LooksPersonal(f.ID) {
		out.Warnings = append(out.Warnings, warning{diag.Pos{File: f.File}, fmt.Sprintf("tên tệp %q có thể chứa họ tên hoặc số điện thoại, và là địa chỉ của trang: đổi tên tệp (ví dụ theo năm và số thứ tự: 2026-001.toml)", f.ID)})
	}
	return out
}

// publicNames are the names a petition may show: those of the registry (agencies and the
// places in their names) and the site's own list.
func (b *builder) publicNames(rules content.PetitionRules) []string {
	names := slices.Clone(rules.PublicNames)
	for _, a := range b.site.Authorities {
		names = append(names, a.Name)
	}
	for _, a := range b.site.Agencies {
		names = append(names, a.Name)
		names = append(names, a.ShortNames...)
		names = append(names, a.Aliases...)
	}
	return names
}

// assessPetition computes a petition's deadline and whether it was, or is being, handled in
// time on the as-of date.
func (s *Site) assessPetition(p *Petition) (due schedule.Date, t vocab.Timeliness, days int) {
	rule, cal := s.PetitionRule, s.Calendar
	if rule.Calendar {
		due = p.Received.AddDays(rule.Days)
	} else {
		due = cal.AddWorkingDays(p.Received, rule.Days)
	}
	end := s.AsOf
	if !p.Answered.IsZero() {
		end = p.Answered
	}
	if rule.Calendar {
		days = int(end.Time().Sub(p.Received.Time()).Hours() / 24)
	} else {
		days = cal.WorkingDaysBetween(p.Received, end)
	}
	switch {
	case !p.Answered.IsZero() && !p.Answered.After(due):
		t = vocab.OnTime
	case !p.Answered.IsZero():
		t = vocab.Late
	case s.AsOf.After(due):
		t = vocab.Overdue
	default:
		t = vocab.Pending
	}
	return due, t, days
}

// PetitionYears lists the years petitions were received in, newest first.
func (s *Site) PetitionYears() []int {
	var years []int
	for _, p := range s.Petitions {
		if !slices.Contains(years, p.Year()) {
			years = append(years, p.Year())
		}
	}
	slices.SortFunc(years, func(x, y int) int { return cmp.Compare(y, x) })
	return years
}

func (b *builder) scores(files []*content.ResultsFile) {
	s := b.site
	for _, f := range files {
		p := &ScorePeriod{File: f.File, ID: f.ID, Period: f.Period, Through: date(f.Through), Title: f.Title, Scope: f.Scope,
			Source: f.Source, Illustrative: f.Illustrative}
		p.Kind, p.Year, p.Number = periodOf(f.Period)
		for _, u := range f.Units {
			us := &UnitScore{Period: p, Agency: b.agency("", u.Agency), Name: u.Name, Total: u.Total, Rank: u.Rank, Band: vocab.BandOf(u.Total)}
			copy(us.Groups[:], u.Scores())
			if us.Name == "" {
				us.Name = us.Agency.Name
			}
			p.Units = append(p.Units, us)
			p.Bands[us.Band]++
			us.Agency.Scores = append(us.Agency.Scores, us)
		}
		slices.SortStableFunc(p.Units, func(x, y *UnitScore) int {
			return cmp.Or(cmp.Compare(rankKey(x.Rank), rankKey(y.Rank)), cmp.Compare(y.Total, x.Total), b.compare(x.Name, y.Name))
		})
		s.ScorePeriods = append(s.ScorePeriods, p)
		if p.Illustrative {
			s.illustrative("các kỳ Bộ chỉ số 766 có nhãn minh họa")
		}
	}
	// By the day each period ends, not by name: "2026-q3" ends before "2026-10".
	older := func(x, y *ScorePeriod) int { return cmp.Or(x.End().Compare(y.End()), cmp.Compare(x.ID, y.ID)) }
	slices.SortStableFunc(s.ScorePeriods, func(x, y *ScorePeriod) int { return older(y, x) })
	for _, a := range s.Agencies {
		slices.SortStableFunc(a.Scores, func(x, y *UnitScore) int { return older(x.Period, y.Period) })
	}
}

// End is the last day of the period.
func (p *ScorePeriod) End() schedule.Date {
	switch p.Kind {
	case "thang":
		return schedule.MonthEnd(p.Year, time.Month(p.Number))
	case "quy":
		return schedule.MonthEnd(p.Year, time.Month(3*p.Number))
	}
	return schedule.MonthEnd(p.Year, time.December)
}

// rankKey puts unranked units (rank 0) last.
func rankKey(rank int) int {
	if rank == 0 {
		return 1 << 30
	}
	return rank
}

// periodOf splits a validated period key: "2026-10", "2026-q3", "2026".
func periodOf(key string) (kind string, year, number int) {
	y, rest, _ := strings.Cut(key, "-")
	year, _ = strconv.Atoi(y)
	switch {
	case rest == "":
		return "nam", year, 0
	case strings.HasPrefix(rest, "q"):
		number, _ = strconv.Atoi(rest[1:])
		return "quy", year, number
	}
	number, _ = strconv.Atoi(rest)
	return "thang", year, number
}

// MonthlyScores are the agency's results of month periods, oldest first: its trend.
func (a *Agency) MonthlyScores() []*UnitScore {
	var out []*UnitScore
	for _, s := range a.Scores {
		if s.Period.Kind == "thang" {
			out = append(out, s)
		}
	}
	return out
}

// LatestScore is the agency's most recent month result, or its latest result of any period
// when it has no monthly one; nil when it has none.
func (a *Agency) LatestScore() *UnitScore {
	if m := a.MonthlyScores(); len(m) > 0 {
		return m[len(m)-1]
	}
	if len(a.Scores) > 0 {
		return a.Scores[len(a.Scores)-1]
	}
	return nil
}

// illustrative records that some records of a kind are illustrative.
func (s *Site) illustrative(kind string) {
	if !slices.Contains(s.IllustrativeKinds, kind) {
		s.IllustrativeKinds = append(s.IllustrativeKinds, kind)
	}
}

// sortName is a name from its first letter or digit.
func sortName(name string) string {
	return strings.TrimLeftFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
