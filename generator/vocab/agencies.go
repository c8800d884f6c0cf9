package vocab

// AgencyKind tells an office from a class of offices (an agency's kind).
type AgencyKind uint8

const (
	_                AgencyKind = iota // not given
	AgencyKindOffice                   // agency: one office
	AgencyKindGroup                    // group: a class ("Các sở, ban, ngành tỉnh", "UBND cấp xã")
)

var agencyKinds = table[AgencyKind]{
	{AgencyKindOffice, Entry{Key: "agency", Label: "Cơ quan"}},
	{AgencyKindGroup, Entry{Key: "group", Label: "Nhóm cơ quan", Short: "Nhóm"}},
}

func AgencyKinds() []AgencyKind                    { return agencyKinds.values() }
func (v AgencyKind) Key() string                   { return agencyKinds.entry(v).Key }
func (v AgencyKind) Label() string                 { return agencyKinds.entry(v).Label }
func (v AgencyKind) Short() string                 { return agencyKinds.entry(v).short() }
func (v AgencyKind) Slug() string                  { return agencyKinds.entry(v).slug() }
func (v AgencyKind) String() string                { return v.Key() }
func (v AgencyKind) Check() error                  { return agencyKinds.check(v) }
func (v AgencyKind) MarshalText() ([]byte, error)  { return []byte(v.Key()), nil }
func (v *AgencyKind) UnmarshalText(b []byte) error { return agencyKinds.parse(v, b) }

// Level is a level of government: of an authority, of an agency, or where a procedure is
// carried out. Levels are declared from the top down, so that sorting them by value lists
// them as the hierarchy does (bo, tinh, huyen, xa). Content writes a level as an
// AuthorityLevel, an AgencyLevel or a ProcedureLevel, each allowing some of them.
type Level uint8

const (
	NoLevel     Level = iota // not given
	National                 // quoc-gia: the whole country
	Central                  // trung-uong: a central body
	Ministry                 // bo: a ministry
	Province                 // tinh
	CentralCity              // thanh-pho: a city under the central government
	District                 // huyen
	Commune                  // xa
	OtherLevel               // khac: another body
)

var levels = table[Level]{
	{National, Entry{Key: "quoc-gia", Label: "Cả nước"}},
	{Central, Entry{Key: "trung-uong", Label: "Trung ương"}},
	{Ministry, Entry{Key: "bo", Label: "Cấp bộ"}},
	{Province, Entry{Key: "tinh", Label: "Cấp tỉnh"}},
	{CentralCity, Entry{Key: "thanh-pho", Label: "Thành phố trực thuộc Trung ương"}},
	{District, Entry{Key: "huyen", Label: "Cấp huyện"}},
	{Commune, Entry{Key: "xa", Label: "Cấp xã"}},
	{OtherLevel, Entry{Key: "khac", Label: "Cơ quan khác"}},
}

func (v Level) Key() string                  { return levels.entry(v).Key }
func (v Level) Label() string                { return levels.entry(v).Label }
func (v Level) Short() string                { return levels.entry(v).short() }
func (v Level) Slug() string                 { return levels.entry(v).slug() }
func (v Level) String() string               { return v.Key() }
func (v Level) MarshalText() ([]byte, error) { return []byte(v.Key()), nil }

// The levels each field allows, in the order pages list them. The catalogue lists the
// levels a province's citizens deal with first.
var (
	authorityLevels = levels.subset(National, Province, CentralCity, District, Commune)
	agencyLevels    = levels.subset(Central, Province, District, Commune)
	procedureLevels = levels.subset(Province, Commune, District, Ministry, OtherLevel)
)

// AuthorityLevel is the level of an authority (an agencies file's authority.level).
type AuthorityLevel struct{ Level }

// AgencyLevel is the level of an agency.
type AgencyLevel struct{ Level }

// ProcedureLevel is a level a procedure is carried out at (a procedure's levels).
type ProcedureLevel struct{ Level }

func AuthorityLevels() []AuthorityLevel                { return wrap[AuthorityLevel](authorityLevels) }
func (v AuthorityLevel) Check() error                  { return authorityLevels.check(v.Level) }
func (v *AuthorityLevel) UnmarshalText(b []byte) error { return authorityLevels.parse(&v.Level, b) }

func AgencyLevels() []AgencyLevel                   { return wrap[AgencyLevel](agencyLevels) }
func (v AgencyLevel) Check() error                  { return agencyLevels.check(v.Level) }
func (v *AgencyLevel) UnmarshalText(b []byte) error { return agencyLevels.parse(&v.Level, b) }

func ProcedureLevels() []ProcedureLevel                { return wrap[ProcedureLevel](procedureLevels) }
func (v ProcedureLevel) Check() error                  { return procedureLevels.check(v.Level) }
func (v *ProcedureLevel) UnmarshalText(b []byte) error { return procedureLevels.parse(&v.Level, b) }

func wrap[W ~struct{ Level }](t table[Level]) []W {
	out := make([]W, len(t))
	for i, r := range t {
		out[i] = W{r.value}
	}
	return out
}
