package model

import (
	"strings"
	"testing"
	"time"

	"congkhai/generator/content"
	"congkhai/generator/schedule"
	"congkhai/generator/vocab"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func registerSet() *content.Set {
	return &content.Set{
		Site: &content.SiteFile{Title: "T"},
		Authorities: []*content.AgencyFile{
			{ID: "an-giang", Authority: content.Authority{Name: "Tỉnh An Giang"}, Agencies: []content.AgencyRec{
				{ID: "ubnd-tinh", Name: "UBND tỉnh An Giang", Code: "H01", Level: vocab.AgencyLevel{Level: vocab.Province}, Kind: vocab.AgencyKindOffice},
				{ID: "so-tu-phap", Name: "Sở Tư pháp", Level: vocab.AgencyLevel{Level: vocab.Province}, Kind: vocab.AgencyKindOffice},
			}},
			{ID: "ca-nuoc", Authority: content.Authority{Name: "Các tỉnh"}, Agencies: []content.AgencyRec{
				{ID: "dong-thap", Name: "UBND tỉnh Đồng Tháp", Code: "H20", Level: vocab.AgencyLevel{Level: vocab.Province}, Kind: vocab.AgencyKindOffice},
			}},
		},
		Plans: []*content.PlanFile{{ID: "kh", Authority: "an-giang", Year: 2026, Title: "Kế hoạch"}},
		Holidays: &content.HolidaysFile{Holidays: []content.HolidayRec{
			{From: day(2026, 2, 16), To: day(2026, 2, 20), Name: "Tết Nguyên đán"},
		}},
		Procedures: []*content.ProcedureFile{{Code: "1.000001", Name: "Đăng ký khai sinh", Field: "Hộ tịch", Levels: []vocab.ProcedureLevel{{Level: vocab.Commune}},
			Agencies: []content.ProcedureAgency{{Role: vocab.RoleImplementing, Name: "Sở Tư pháp", ID: "an-giang/so-tu-phap"}, {Role: vocab.RoleCooperating, Name: "Cơ quan lạ"}}}},
		Petitions: []*content.PetitionFile{
			// Received on Thursday 12/2/2026: ten working days skip Tết and end on 5/3.
			{ID: "p1", Received: day(2026, 2, 12), Status: vocab.PetitionAnswered, Answered: day(2026, 3, 5), Agencies: []string{"an-giang/so-tu-phap"},
				Procedure: "1.000001", Question: "Tôi là Nguyễn Văn An, SĐT 0912 345 678.", Subject: "Hỏi"},
			{ID: "p2", Received: day(2026, 2, 12), Status: vocab.PetitionAnswered, Answered: day(2026, 3, 6), Agencies: []string{"an-giang/so-tu-phap"}, Answer: "Đã trả lời."},
			{ID: "p3", Received: day(2026, 11, 16), Status: vocab.PetitionProcessing, Agencies: []string{"an-giang/so-tu-phap"}},
			{ID: "p4", Received: day(2026, 10, 1), Status: vocab.PetitionProcessing, Agencies: []string{"an-giang/so-tu-phap"}},
		},
		Results: []*content.ResultsFile{
			{ID: "2026-toan-quoc", Period: "2026", Through: day(2026, 10, 5), Title: "Năm 2026", Scope: "Các tỉnh", Units: []content.UnitRec{
				{Agency: "ca-nuoc/dong-thap", Total: 68.11, Rank: 1}, {Agency: "an-giang/ubnd-tinh", Total: 58.72, Rank: 29}}},
			{ID: "2026-09", Period: "2026-09", Title: "T9", Scope: "Sở", Units: []content.UnitRec{{Agency: "an-giang/so-tu-phap", Total: 90, Rank: 1}}},
			{ID: "2026-10", Period: "2026-10", Title: "T10", Scope: "Sở", Units: []content.UnitRec{{Agency: "an-giang/so-tu-phap", Total: 79.99, Rank: 1}}},
		},
	}
}

func TestPetitionDeadlinesCountWorkingDays(t *testing.T) {
	s := New(registerSet(), schedule.D(2026, time.November, 21))
	want := map[string]struct {
		due  schedule.Date
		t    vocab.Timeliness
		days int
	}{
		"p1": {schedule.D(2026, time.March, 5), vocab.OnTime, 10},
		"p2": {schedule.D(2026, time.March, 5), vocab.Late, 11},
		"p3": {schedule.D(2026, time.November, 30), vocab.Pending, 4}, // as of Saturday 21/11
		"p4": {schedule.D(2026, time.October, 15), vocab.Overdue, 36},
	}
	for _, p := range s.Petitions {
		w := want[p.ID]
		if p.Due != w.due || p.Timeliness != w.t || p.Days != w.days {
			t.Errorf("%s: due %v, %s, %d days; want %v, %s, %d", p.ID, p.Due, p.Timeliness.Label(), p.Days, w.due, w.t.Label(), w.days)
		}
	}
	if c := s.PetitionCounts; c.Total() != 4 || c.Handled() != 2 || c.OnTimeCount() != 1 {
		t.Errorf("counts = %v", c)
	}
	if share, ok := s.PetitionCounts.OnTimeShare(); !ok || share != 50 {
		t.Errorf("on-time share = %v, %v", share, ok)
	}
	ag := s.Agencies[0]
	for _, a := range s.Agencies {
		if a.Key == "an-giang/so-tu-phap" {
			ag = a
		}
	}
	if len(ag.Petitions) != 4 || ag.Petitions[0].ID != "p3" || len(ag.Procedures) != 1 {
		t.Errorf("agency has %d petitions (first %s), %d procedures", len(ag.Petitions), ag.Petitions[0].ID, len(ag.Procedures))
	}
	if pr := s.Procedure("1.000001"); pr == nil || len(pr.Petitions) != 1 || pr.Agencies[1].Agency != nil || pr.Field.Slug != "ho-tich" {
		t.Errorf("procedure links wrong: %+v", pr)
	}
}

// Petitions stand as they did on the as-of day: one received later is not listed, and an
// answer given later is not counted or shown.
func TestPetitionsAsOf(t *testing.T) {
	s := New(registerSet(), schedule.D(2026, time.March, 5))
	var ids []string
	for _, p := range s.Petitions {
		ids = append(ids, p.ID)
		if p.ID == "p2" && (p.Timeliness != vocab.Pending || !p.Answered.IsZero() || p.Status != vocab.PetitionProcessing || p.Days != 10 || p.Answer != "") {
			t.Errorf("p2, answered on 6/3, as of 5/3: %s, answered %v, status %s, %d days", p.Timeliness.Label(), p.Answered, p.Status, p.Days)
		}
	}
	if strings.Join(ids, " ") != "p2 p1" {
		t.Errorf("petitions as of 5/3: %v, want p2 p1 (newest first)", ids)
	}
}

// Score periods are ordered by the day they end: a quarter ending in September is older
// than October, though "2026-q3" sorts after "2026-10" as a name.
func TestScorePeriodOrder(t *testing.T) {
	set := registerSet()
	set.Results = append(set.Results, &content.ResultsFile{ID: "2026-q3", Period: "2026-q3", Title: "Q3", Scope: "Sở",
		Units: []content.UnitRec{{Agency: "an-giang/so-tu-phap", Total: 85, Rank: 1}}})
	s := New(set, schedule.D(2026, time.November, 21))
	var ids []string
	for _, p := range s.ScorePeriods {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, " "); got != "2026-toan-quoc 2026-10 2026-q3 2026-09" {
		t.Errorf("periods, newest first: %s", got)
	}
}

func TestPetitionRuleInCalendarDays(t *testing.T) {
	set := registerSet()
	days := 15
	set.Site.Petitions = content.PetitionRules{AnswerDays: &days, CalendarDays: true}
	s := New(set, schedule.D(2026, time.November, 21))
	for _, p := range s.Petitions {
		if p.ID == "p1" && (p.Due != schedule.D(2026, time.February, 27) || p.Timeliness != vocab.Late || p.Days != 21) {
			t.Errorf("p1 under a 15 calendar-day rule: due %v, %s, %d days", p.Due, p.Timeliness.Label(), p.Days)
		}
	}
	if got := s.PetitionRule.Describe(); got != "15 ngày kể từ ngày tiếp nhận" {
		t.Errorf("Describe = %q", got)
	}
}

func TestPersonalDataIsMaskedInTheModel(t *testing.T) {
	s := New(registerSet(), schedule.D(2026, time.November, 21))
	for _, p := range s.Petitions {
		if strings.Contains(p.Question, "0912") || strings.Contains(p.Question, "Nguyễn Văn An") {
			t.Errorf("%s: personal data left in the question: %q", p.ID, p.Question)
		}
	}
}

func TestScores(t *testing.T) {
	s := New(registerSet(), schedule.D(2026, time.November, 21))
	if len(s.ScorePeriods) != 3 || s.ScorePeriods[0].ID != "2026-toan-quoc" {
		t.Fatalf("periods = %d, first %s", len(s.ScorePeriods), s.ScorePeriods[0].ID)
	}
	national := s.ScorePeriods[0]
	if own := national.Own(); len(own) != 1 || own[0].Agency.Key != "an-giang/ubnd-tinh" || own[0].Band != vocab.Average {
		t.Errorf("Own = %v", own)
	}
	if national.Label() != "Năm 2026" || s.ScorePeriods[1].Label() != "Tháng 10/2026" || s.ScorePeriods[1].ShortLabel() != "T10/2026" {
		t.Errorf("labels: %q %q %q", national.Label(), s.ScorePeriods[1].Label(), s.ScorePeriods[1].ShortLabel())
	}
	if own := s.ScorePeriods[1].Own(); own != nil {
		t.Errorf("a period of the site's own units only has no Own: %v", own)
	}
	if got := len(s.LatestScorePeriods()); got != 2 {
		t.Errorf("LatestScorePeriods = %d, want one per scope", got)
	}
	for _, a := range s.Agencies {
		if a.Key == "an-giang/so-tu-phap" {
			m := a.MonthlyScores()
			if len(m) != 2 || m[0].Band != vocab.Excellent || m[1].Band != vocab.Fair || a.LatestScore() != m[1] {
				t.Errorf("trend of so-tu-phap: %v", m)
			}
		}
	}
}

// Fields are one field per slug, the slug that names their page: spellings that fold to
// the same slug make one field, named as the first file writes it, holding every procedure.
func TestFieldsAreKeyedBySlug(t *testing.T) {
	set := registerSet()
	set.Procedures = nil
	for i, name := range []string{"Hộ tịch", "HỘ TỊCH", "Hộ  tịch", "Chứng thực"} {
		set.Procedures = append(set.Procedures, &content.ProcedureFile{Code: "1.00000" + string(rune('1'+i)), Name: "Thủ tục " + name, Field: name, Levels: []vocab.ProcedureLevel{{Level: vocab.Commune}}})
	}
	s := New(set, schedule.D(2026, time.November, 21))
	if len(s.Fields) != 2 {
		t.Fatalf("%d fields, want 2", len(s.Fields))
	}
	for _, f := range s.Fields {
		if f.Slug == "ho-tich" && (f.Name != "Hộ tịch" || len(f.Procedures) != 3) {
			t.Errorf("field %s: named %q, %d procedures; want \"Hộ tịch\" with 3", f.Slug, f.Name, len(f.Procedures))
		}
	}
}

// calendar_days alone counts the default 10 days in calendar days; it was ignored unless
// answer_days was set too.
func TestPetitionRuleCalendarDaysAlone(t *testing.T) {
	set := registerSet()
	set.Site.Petitions = content.PetitionRules{CalendarDays: true}
	if s := New(set, schedule.D(2026, time.November, 21)); s.PetitionRule != (PetitionRule{Days: 10, Calendar: true}) {
		t.Errorf("rule = %+v", s.PetitionRule)
	}
}

// What a procedure's page shows: a time without its unit is marked so, a row with neither
// form nor quantity is a line of explanation, the tables have a column only for what some
// row fills, and a stray mark before a name does not sort it first.
func TestProcedureAsShown(t *testing.T) {
	set := registerSet()
	set.Procedures = append(set.Procedures,
		&content.ProcedureFile{Code: "1.000002", Name: ". Đăng ký thuế", Field: "Thuế", Levels: []vocab.ProcedureLevel{{Level: vocab.Province}},
			Methods: []content.MethodRec{{Channel: vocab.MethodInPerson, Time: "1"}, {Channel: vocab.MethodOnline, Time: "1,5 Ngày làm việc", Description: "Qua cổng.\n\n- Bước 1"}},
			Dossier: []content.DossierRec{{Name: "Tờ khai", Quantity: "1 bản chính"}, {Name: "Trường hợp ủy quyền:"}}},
		&content.ProcedureFile{Code: "1.000003", Name: "Cấp phép", Field: "Thuế", Levels: []vocab.ProcedureLevel{{Level: vocab.Province}},
			Dossier: []content.DossierRec{{Name: "Đơn", Form: "Mẫu số 01"}}})
	s := New(set, schedule.D(2026, time.November, 21))
	var names []string
	for _, p := range s.Procedures {
		names = append(names, p.Name)
	}
	if want := []string{"Cấp phép", "Đăng ký khai sinh", ". Đăng ký thuế"}; strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("order %q, want %q", names, want)
	}
	p := s.Procedure("1.000002")
	if !p.Methods[0].TimeNoUnit || p.Methods[1].TimeNoUnit || !p.MethodsDescribed() {
		t.Errorf("methods %+v", p.Methods)
	}
	if got := p.Methods[1].DescriptionLines(); strings.Join(got, "|") != "Qua cổng.|- Bước 1" {
		t.Errorf("description lines %q", got)
	}
	if p.Dossier[0].Note || !p.Dossier[1].Note || p.DossierForms() || !p.DossierQuantities() || p.DossierColumns() != 2 {
		t.Errorf("dossier %+v, %d columns", p.Dossier, p.DossierColumns())
	}
	if q := s.Procedure("1.000003"); q.MethodsDescribed() || !q.DossierForms() || q.DossierQuantities() || q.DossierColumns() != 2 {
		t.Errorf("1.000003: %+v", q)
	}
}
