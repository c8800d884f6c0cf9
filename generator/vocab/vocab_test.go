package vocab

import (
	"encoding"
	"errors"
	"regexp"
	"testing"
)

// value is what every vocabulary type provides.
type value interface {
	Key() string
	Label() string
	Short() string
	Slug() string
	String() string
}

// vocabularies lists every vocabulary by name with its values in order.
func vocabularies() map[string][]value {
	all := map[string][]value{}
	add := func(name string, vs []value) { all[name] = vs }
	add("PlanKind", values(PlanKinds()))
	add("DocumentType", values(DocumentTypes()))
	add("ReportStatus", values(ReportStatuses()))
	add("TaskStatus", values(TaskStatuses()))
	add("AgencyKind", values(AgencyKinds()))
	add("AuthorityLevel", values(AuthorityLevels()))
	add("AgencyLevel", values(AgencyLevels()))
	add("ProcedureLevel", values(ProcedureLevels()))
	add("ProcedureRole", values(ProcedureRoles()))
	add("MethodChannel", values(MethodChannels()))
	add("OnlineLevel", values(OnlineLevels()))
	add("PetitionChannel", values(PetitionChannels()))
	add("PetitionKind", values(PetitionKinds()))
	add("PetitionStatus", values(PetitionStatuses()))
	add("Timeliness", values(Timelinesses()))
	add("ScoreGroup", values(ScoreGroups()))
	add("Band", values(Bands()))
	return all
}

func values[T value](vs []T) []value {
	out := make([]value, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

var slug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Every value has a label, and keys and slugs are unique in their vocabulary: a slug names a
// page and a CSS class.
func TestTables(t *testing.T) {
	for name, vs := range vocabularies() {
		keys, slugs := map[string]bool{}, map[string]bool{}
		for _, v := range vs {
			if v.Label() == "" || v.Short() == "" {
				t.Errorf("%s %q has no label", name, v.Key())
			}
			if keys[v.Key()] {
				t.Errorf("%s: key %q twice", name, v.Key())
			}
			if !slug.MatchString(v.Slug()) || slugs[v.Slug()] {
				t.Errorf("%s: slug %q not a slug, or twice", name, v.Slug())
			}
			keys[v.Key()], slugs[v.Slug()] = true, true
			if v.String() != v.Key() {
				t.Errorf("%s: String() = %q, want the key %q", name, v.String(), v.Key())
			}
		}
	}
	if n := len(Timelinesses()); n != NumTimeliness {
		t.Errorf("Timelinesses lists %d of %d", n, NumTimeliness)
	}
	sum := 0.0
	for _, g := range ScoreGroups() {
		sum += g.Max()
	}
	if sum != 100 {
		t.Errorf("the groups' maxima add up to %g, want 100", sum)
	}
}

// textValue is a vocabulary read from content.
type textValue interface {
	encoding.TextUnmarshaler
	encoding.TextMarshaler
	Check() error
}

func TestUnmarshalText(t *testing.T) {
	var online OnlineLevel
	if err := online.UnmarshalText([]byte("mot-phan")); err != nil || online != OnlinePartial {
		t.Errorf(`UnmarshalText("mot-phan") = %v, %v; want OnlinePartial`, online, err)
	}
	if err := online.UnmarshalText(nil); err != nil || online != OnlineNone {
		t.Errorf(`UnmarshalText("") = %v, %v; want OnlineNone`, online, err)
	}
	var level AgencyLevel
	if err := level.UnmarshalText([]byte("tinh")); err != nil || level.Level != Province || level.Label() != "Cấp tỉnh" {
		t.Errorf(`AgencyLevel.UnmarshalText("tinh") = %v, %v; want Province`, level, err)
	}
	// A level of another field is not an agency's.
	err := level.UnmarshalText([]byte("bo"))
	var uk *UnknownKeyError
	if !errors.As(err, &uk) {
		t.Fatalf(`AgencyLevel.UnmarshalText("bo") = %v, want an UnknownKeyError`, err)
	}
	if want := `giá trị "bo" không hợp lệ; chọn một trong: trung-uong, tinh, huyen, xa`; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if want := `giá trị "x" không hợp lệ; chọn một trong: toan-trinh, mot-phan, co, ""`; online.UnmarshalText([]byte("x")).Error() != want {
		t.Errorf("online error %q, want %q", online.UnmarshalText([]byte("x")), want)
	}

	for _, tv := range []textValue{new(PlanKind), new(DocumentType), new(ReportStatus), new(AgencyKind),
		new(AuthorityLevel), new(AgencyLevel), new(ProcedureLevel), new(ProcedureRole), new(MethodChannel),
		new(PetitionChannel), new(PetitionKind), new(PetitionStatus)} {
		// The zero value is "not given".
		if err := tv.Check(); err == nil || !errors.As(err, &uk) || uk.Key != "" {
			t.Errorf("%T: Check of the zero value = %v, want an error for the key \"\"", tv, err)
		}
		for _, k := range uk.Allowed {
			if err := tv.UnmarshalText([]byte(k)); err != nil {
				t.Errorf("%T: UnmarshalText(%q) = %v", tv, k, err)
			}
			if b, _ := tv.MarshalText(); string(b) != k || tv.Check() != nil {
				t.Errorf("%T: %q marshals to %q (Check %v)", tv, k, b, tv.Check())
			}
		}
	}
	if err := OnlineNone.Check(); err != nil {
		t.Errorf("OnlineNone.Check() = %v, want nil", err)
	}
}

// A task status is told by its label, its slug (its colour) and its symbol, each its own.
func TestStatusLabelsAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range TaskStatuses() {
		for _, v := range []string{s.Label(), s.Slug(), "sym:" + s.Symbol()} {
			if v == "" || seen[v] {
				t.Errorf("status %d: empty or repeated %q", s, v)
			}
			seen[v] = true
		}
	}
	if len(TaskStatuses()) != NumTaskStatuses {
		t.Errorf("TaskStatuses lists %d of %d statuses", len(TaskStatuses()), NumTaskStatuses)
	}
}

func TestBands(t *testing.T) {
	for _, tt := range []struct {
		total float64
		want  Band
	}{{100, Excellent}, {90, Excellent}, {89.99, Good}, {80, Good}, {70, Fair}, {69.99, Average}, {50, Average}, {49.99, Weak}, {0, Weak}} {
		if got := BandOf(tt.total); got != tt.want {
			t.Errorf("BandOf(%g) = %v, want %v", tt.total, got, tt.want)
		}
	}
	want := []string{"từ 90 điểm", "từ 80 đến dưới 90 điểm", "từ 70 đến dưới 80 điểm", "từ 50 đến dưới 70 điểm", "dưới 50 điểm"}
	for i, b := range Bands() {
		if b.Range() != want[i] {
			t.Errorf("%v.Range() = %q, want %q", b, b.Range(), want[i])
		}
	}
}
