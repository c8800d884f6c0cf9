package vocab

// ProcedureRole is what an agency named by a procedure does in it (a procedure agency's role).
type ProcedureRole uint8

const (
	_                ProcedureRole = iota // not given
	RoleDeciding                          // tham-quyen: decides
	RoleImplementing                      // thuc-hien: carries it out
	RoleDelegated                         // uy-quyen: decides by delegation
	RoleCooperating                       // phoi-hop: cooperates
)

var procedureRoles = table[ProcedureRole]{
	{RoleDeciding, Entry{Key: "tham-quyen", Label: "Cơ quan có thẩm quyền"}},
	{RoleImplementing, Entry{Key: "thuc-hien", Label: "Cơ quan thực hiện"}},
	{RoleDelegated, Entry{Key: "uy-quyen", Label: "Cơ quan được ủy quyền"}},
	{RoleCooperating, Entry{Key: "phoi-hop", Label: "Cơ quan phối hợp"}},
}

func ProcedureRoles() []ProcedureRole                { return procedureRoles.values() }
func (v ProcedureRole) Key() string                  { return procedureRoles.entry(v).Key }
func (v ProcedureRole) Label() string                { return procedureRoles.entry(v).Label }
func (v ProcedureRole) Short() string                { return procedureRoles.entry(v).short() }
func (v ProcedureRole) Slug() string                 { return procedureRoles.entry(v).slug() }
func (v ProcedureRole) String() string               { return v.Key() }
func (v ProcedureRole) Check() error                 { return procedureRoles.check(v) }
func (v ProcedureRole) MarshalText() ([]byte, error) { return []byte(v.Key()), nil }
func (v *ProcedureRole) UnmarshalText(b []byte) error {
	return procedureRoles.parse(v, b)
}

// MethodChannel is how a procedure's dossier is submitted (a method's channel).
type MethodChannel uint8

const (
	_              MethodChannel = iota // not given
	MethodInPerson                      // truc-tiep
	MethodOnline                        // truc-tuyen
	MethodPost                          // buu-chinh: through the postal service
)

var methodChannels = table[MethodChannel]{
	{MethodInPerson, Entry{Key: "truc-tiep", Label: "Trực tiếp"}},
	{MethodOnline, Entry{Key: "truc-tuyen", Label: "Trực tuyến"}},
	{MethodPost, Entry{Key: "buu-chinh", Label: "Dịch vụ bưu chính"}},
}

func MethodChannels() []MethodChannel                { return methodChannels.values() }
func (v MethodChannel) Key() string                  { return methodChannels.entry(v).Key }
func (v MethodChannel) Label() string                { return methodChannels.entry(v).Label }
func (v MethodChannel) Short() string                { return methodChannels.entry(v).short() }
func (v MethodChannel) Slug() string                 { return methodChannels.entry(v).slug() }
func (v MethodChannel) String() string               { return v.Key() }
func (v MethodChannel) Check() error                 { return methodChannels.check(v) }
func (v MethodChannel) MarshalText() ([]byte, error) { return []byte(v.Key()), nil }
func (v *MethodChannel) UnmarshalText(b []byte) error {
	return methodChannels.parse(v, b)
}

// OnlineLevel is how far a procedure can be carried out online (a procedure's online). Its
// zero value, the empty key, is a procedure that cannot.
type OnlineLevel uint8

const (
	OnlineNone    OnlineLevel = iota // "": not online
	OnlineFull                       // toan-trinh: wholly online (toàn trình)
	OnlinePartial                    // mot-phan: partly online (một phần)
	OnlineUnrated                    // co: online, the level not published
)

var onlineLevels = table[OnlineLevel]{
	{OnlineFull, Entry{Key: "toan-trinh", Label: "Trực tuyến toàn trình", Short: "Toàn trình"}},
	{OnlinePartial, Entry{Key: "mot-phan", Label: "Trực tuyến một phần", Short: "Một phần"}},
	{OnlineUnrated, Entry{Key: "co", Label: "Có nộp trực tuyến (chưa công bố mức độ)", Short: "Có"}},
	{OnlineNone, Entry{Key: "", Label: "Không nộp trực tuyến", Short: "Không", Slug: "khong"}},
}

func OnlineLevels() []OnlineLevel                  { return onlineLevels.values() }
func (v OnlineLevel) Key() string                  { return onlineLevels.entry(v).Key }
func (v OnlineLevel) Label() string                { return onlineLevels.entry(v).Label }
func (v OnlineLevel) Short() string                { return onlineLevels.entry(v).short() }
func (v OnlineLevel) Slug() string                 { return onlineLevels.entry(v).slug() }
func (v OnlineLevel) String() string               { return v.Key() }
func (v OnlineLevel) Check() error                 { return onlineLevels.check(v) }
func (v OnlineLevel) MarshalText() ([]byte, error) { return []byte(v.Key()), nil }
func (v *OnlineLevel) UnmarshalText(b []byte) error {
	return onlineLevels.parse(v, b)
}
