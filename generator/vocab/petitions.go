package vocab

// PetitionChannel is how a petition arrived (a petition's channel).
type PetitionChannel uint8

const (
	_               PetitionChannel = iota // not given
	ChannelPortal                          // cong-dich-vu-cong: the public services portal
	ChannelInPerson                        // truc-tiep
	ChannelPost                            // buu-chinh
	ChannelPhone                           // dien-thoai
	ChannelEmail                           // thu-dien-tu
	ChannelMailbox                         // hop-thu: a suggestion box
)

var petitionChannels = table[PetitionChannel]{
	{ChannelPortal, Entry{Key: "cong-dich-vu-cong", Label: "Cổng Dịch vụ công"}},
	{ChannelInPerson, Entry{Key: "truc-tiep", Label: "Trực tiếp"}},
	{ChannelPost, Entry{Key: "buu-chinh", Label: "Bưu chính"}},
	{ChannelPhone, Entry{Key: "dien-thoai", Label: "Điện thoại"}},
	{ChannelEmail, Entry{Key: "thu-dien-tu", Label: "Thư điện tử"}},
	{ChannelMailbox, Entry{Key: "hop-thu", Label: "Hộp thư góp ý"}},
}

func PetitionChannels() []PetitionChannel              { return petitionChannels.values() }
func (v PetitionChannel) Key() string                  { return petitionChannels.entry(v).Key }
func (v PetitionChannel) Label() string                { return petitionChannels.entry(v).Label }
func (v PetitionChannel) Short() string                { return petitionChannels.entry(v).short() }
func (v PetitionChannel) Slug() string                 { return petitionChannels.entry(v).slug() }
func (v PetitionChannel) String() string               { return v.Key() }
func (v PetitionChannel) Check() error                 { return petitionChannels.check(v) }
func (v PetitionChannel) MarshalText() ([]byte, error) { return []byte(v.Key()), nil }
func (v *PetitionChannel) UnmarshalText(b []byte) error {
	return petitionChannels.parse(v, b)
}

// PetitionKind tells a phản ánh (a report of a problem) from a kiến nghị (a proposal).
type PetitionKind uint8

const (
	_                PetitionKind = iota // not given
	PetitionFeedback                     // phan-anh
	PetitionProposal                     // kien-nghi
)

var petitionKinds = table[PetitionKind]{
	{PetitionFeedback, Entry{Key: "phan-anh", Label: "Phản ánh"}},
	{PetitionProposal, Entry{Key: "kien-nghi", Label: "Kiến nghị"}},
}

func PetitionKinds() []PetitionKind                 { return petitionKinds.values() }
func (v PetitionKind) Key() string                  { return petitionKinds.entry(v).Key }
func (v PetitionKind) Label() string                { return petitionKinds.entry(v).Label }
func (v PetitionKind) Short() string                { return petitionKinds.entry(v).short() }
func (v PetitionKind) Slug() string                 { return petitionKinds.entry(v).slug() }
func (v PetitionKind) String() string               { return v.Key() }
func (v PetitionKind) Check() error                 { return petitionKinds.check(v) }
func (v PetitionKind) MarshalText() ([]byte, error) { return []byte(v.Key()), nil }
func (v *PetitionKind) UnmarshalText(b []byte) error {
	return petitionKinds.parse(v, b)
}

// PetitionStatus is where a petition stands (a petition's status). The slug names the list of
// petitions of a status (pakn/trang-thai/<slug>/).
type PetitionStatus uint8

const (
	_                  PetitionStatus = iota // not given
	PetitionProcessing                       // dang-xu-ly: not yet answered
	PetitionAnswered                         // da-tra-loi
	PetitionForwarded                        // chuyen: forwarded to the competent body
	PetitionRefused                          // tu-choi: not accepted
)

var petitionStatuses = table[PetitionStatus]{
	{PetitionAnswered, Entry{Key: "da-tra-loi", Label: "Đã trả lời"}},
	{PetitionProcessing, Entry{Key: "dang-xu-ly", Label: "Đang xử lý"}},
	{PetitionForwarded, Entry{Key: "chuyen", Label: "Đã chuyển cơ quan có thẩm quyền"}},
	{PetitionRefused, Entry{Key: "tu-choi", Label: "Không tiếp nhận"}},
}

func PetitionStatuses() []PetitionStatus              { return petitionStatuses.values() }
func (v PetitionStatus) Key() string                  { return petitionStatuses.entry(v).Key }
func (v PetitionStatus) Label() string                { return petitionStatuses.entry(v).Label }
func (v PetitionStatus) Short() string                { return petitionStatuses.entry(v).short() }
func (v PetitionStatus) Slug() string                 { return petitionStatuses.entry(v).slug() }
func (v PetitionStatus) String() string               { return v.Key() }
func (v PetitionStatus) Check() error                 { return petitionStatuses.check(v) }
func (v PetitionStatus) MarshalText() ([]byte, error) { return []byte(v.Key()), nil }
func (v *PetitionStatus) UnmarshalText(b []byte) error {
	return petitionStatuses.parse(v, b)
}

// Timeliness says whether a petition was, or is being, handled within its deadline on the
// as-of day; package model decides it. The slug names the list of petitions of a timeliness
// (pakn/han/<slug>/) and their CSS class.
type Timeliness uint8

const (
	OnTime  Timeliness = iota // handled by the deadline
	Late                      // handled after the deadline
	Pending                   // not yet handled, deadline not passed
	Overdue                   // not yet handled, deadline passed
	// NumTimeliness is the number of values, for counts indexed by timeliness.
	NumTimeliness = iota
)

var timelinesses = table[Timeliness]{
	{OnTime, Entry{Key: "dung-han", Label: "Đúng hạn"}},
	{Late, Entry{Key: "tre-han", Label: "Trễ hạn"}},
	{Pending, Entry{Key: "trong-han", Label: "Trong hạn, đang xử lý"}},
	{Overdue, Entry{Key: "qua-han", Label: "Quá hạn, chưa trả lời"}},
}

func Timelinesses() []Timeliness    { return timelinesses.values() }
func (v Timeliness) Key() string    { return timelinesses.entry(v).Key }
func (v Timeliness) Label() string  { return timelinesses.entry(v).Label }
func (v Timeliness) Short() string  { return timelinesses.entry(v).short() }
func (v Timeliness) Slug() string   { return timelinesses.entry(v).slug() }
func (v Timeliness) String() string { return v.Key() }
