package vocab

// PlanKind is what a plan is for (plan.toml's kind).
type PlanKind uint8

const (
	_                    PlanKind = iota // not given
	PlanProcedureControl                 // kiem-soat-tthc: kiểm soát thủ tục hành chính
	PlanAdminReform                      // cai-cach-hanh-chinh: cải cách hành chính
	PlanOther                            // other
)

var planKinds = table[PlanKind]{
	{PlanProcedureControl, Entry{Key: "kiem-soat-tthc", Label: "Kiểm soát thủ tục hành chính"}},
	{PlanAdminReform, Entry{Key: "cai-cach-hanh-chinh", Label: "Cải cách hành chính"}},
	{PlanOther, Entry{Key: "other", Label: "Kế hoạch khác"}},
}

func PlanKinds() []PlanKind                      { return planKinds.values() }
func (v PlanKind) Key() string                   { return planKinds.entry(v).Key }
func (v PlanKind) Label() string                 { return planKinds.entry(v).Label }
func (v PlanKind) Short() string                 { return planKinds.entry(v).short() }
func (v PlanKind) Slug() string                  { return planKinds.entry(v).slug() }
func (v PlanKind) String() string                { return v.Key() }
func (v PlanKind) Check() error                  { return planKinds.check(v) }
func (v PlanKind) MarshalText() ([]byte, error)  { return []byte(v.Key()), nil }
func (v *PlanKind) UnmarshalText(b []byte) error { return planKinds.parse(v, b) }

// DocumentType is the kind of document that issued a plan (plan.toml's document.type). Its
// keys are the words the documents print.
type DocumentType uint8

const (
	_           DocumentType = iota // not given
	DocDecision                     // Quyết định: a decision issuing the plan
	DocPlan                         // Kế hoạch: the plan issued as a document of its own
)

var documentTypes = table[DocumentType]{
	{DocDecision, Entry{Key: "Quyết định", Label: "Quyết định", Slug: "quyet-dinh"}},
	{DocPlan, Entry{Key: "Kế hoạch", Label: "Kế hoạch", Slug: "ke-hoach"}},
}

func DocumentTypes() []DocumentType                  { return documentTypes.values() }
func (v DocumentType) Key() string                   { return documentTypes.entry(v).Key }
func (v DocumentType) Label() string                 { return documentTypes.entry(v).Label }
func (v DocumentType) Short() string                 { return documentTypes.entry(v).short() }
func (v DocumentType) Slug() string                  { return documentTypes.entry(v).slug() }
func (v DocumentType) String() string                { return v.Key() }
func (v DocumentType) Check() error                  { return documentTypes.check(v) }
func (v DocumentType) MarshalText() ([]byte, error)  { return []byte(v.Key()), nil }
func (v *DocumentType) UnmarshalText(b []byte) error { return documentTypes.parse(v, b) }

// ReportStatus is the state a progress report declares (its front matter's status).
type ReportStatus uint8

const (
	_                ReportStatus = iota // not given
	ReportNotStarted                     // not-started
	ReportInProgress                     // in-progress
	ReportDone                           // done: the work is finished
	ReportPeriodic                       // periodic: the report of one period of a recurring task
)

var reportStatuses = table[ReportStatus]{
	{ReportNotStarted, Entry{Key: "not-started", Label: "Chưa triển khai"}},
	{ReportInProgress, Entry{Key: "in-progress", Label: "Đang thực hiện"}},
	{ReportDone, Entry{Key: "done", Label: "Đã hoàn thành"}},
	// A page follows it with the period: "Báo cáo kỳ 2024-Q1".
	{ReportPeriodic, Entry{Key: "periodic", Label: "Báo cáo kỳ"}},
}

func ReportStatuses() []ReportStatus                 { return reportStatuses.values() }
func (v ReportStatus) Key() string                   { return reportStatuses.entry(v).Key }
func (v ReportStatus) Label() string                 { return reportStatuses.entry(v).Label }
func (v ReportStatus) Short() string                 { return reportStatuses.entry(v).short() }
func (v ReportStatus) Slug() string                  { return reportStatuses.entry(v).slug() }
func (v ReportStatus) String() string                { return v.Key() }
func (v ReportStatus) Check() error                  { return reportStatuses.check(v) }
func (v ReportStatus) MarshalText() ([]byte, error)  { return []byte(v.Key()), nil }
func (v *ReportStatus) UnmarshalText(b []byte) error { return reportStatuses.parse(v, b) }

// TaskStatus is what a reader sees of a task at a glance on the as-of day; package schedule
// decides it. Every status has a label and a symbol, so that it is never shown by colour alone.
// A task with a deadline to meet is completable and takes one of the first seven; a recurring
// task is judged by its reporting periods and takes one of the last two.
type TaskStatus uint8

const (
	TaskNoReport        TaskStatus = iota // no report, and no date to hold the task to
	TaskNotDue                            // no completion yet, the due day has not passed
	TaskInProgress                        // reported as under way recently, not yet due
	TaskStale                             // the last report of work under way is older than the stale age
	TaskOverdue                           // the due day has passed without a report of completion
	TaskDoneLate                          // completed after the due day
	TaskDone                              // completed on or before the due day (or no due day)
	TaskPeriodsMissing                    // recurring: a period that has ended has no report
	TaskPeriodsReported                   // recurring: every period that has ended has a report
	// NumTaskStatuses is the number of task statuses, for counts indexed by status.
	NumTaskStatuses = iota
)

var taskStatuses = table[TaskStatus]{
	{TaskDone, Entry{Key: "hoan-thanh", Label: "Hoàn thành", Symbol: "✓",
		Description: "Có báo cáo hoàn thành, đúng hạn hoặc nhiệm vụ không có ngày hết hạn."}},
	{TaskDoneLate, Entry{Key: "hoan-thanh-tre-han", Label: "Hoàn thành trễ hạn", Symbol: "✓!",
		Description: "Có báo cáo hoàn thành, nhưng ngày hoàn thành sau ngày hết hạn."}},
	{TaskInProgress, Entry{Key: "dang-thuc-hien", Label: "Đang thực hiện", Symbol: "◐",
		Description: "Có báo cáo đang thực hiện còn mới và chưa quá hạn."}},
	{TaskStale, Entry{Key: "bao-cao-cu", Label: "Báo cáo đã cũ", Symbol: "◷",
		Description: "Báo cáo gần nhất nói đang thực hiện, nhưng đã quá cũ để cho biết tiến độ hiện nay; chưa quá hạn."}},
	{TaskNotDue, Entry{Key: "chua-den-han", Label: "Chưa đến hạn", Symbol: "○",
		Description: "Chưa có báo cáo hoàn thành và chưa đến ngày hết hạn."}},
	{TaskOverdue, Entry{Key: "qua-han", Label: "Quá hạn", Symbol: "!",
		Description: "Đã qua ngày hết hạn mà chưa có báo cáo hoàn thành."}},
	{TaskNoReport, Entry{Key: "chua-co-bao-cao", Label: "Chưa có báo cáo", Symbol: "?",
		Description: "Chưa có báo cáo tiến độ và thời hạn không phải một ngày cụ thể (theo yêu cầu, khi có sự kiện…)."}},
	{TaskPeriodsReported, Entry{Key: "du-bao-cao-ky", Label: "Định kỳ: đủ báo cáo", Symbol: "↻",
		Description: "Nhiệm vụ định kỳ hoặc thường xuyên; mọi kỳ đã kết thúc đều có báo cáo."}},
	{TaskPeriodsMissing, Entry{Key: "thieu-bao-cao-ky", Label: "Định kỳ: thiếu báo cáo", Symbol: "↻!",
		Description: "Nhiệm vụ định kỳ hoặc thường xuyên; có kỳ đã kết thúc mà không có báo cáo."}},
}

func TaskStatuses() []TaskStatus         { return taskStatuses.values() }
func (v TaskStatus) Key() string         { return taskStatuses.entry(v).Key }
func (v TaskStatus) Label() string       { return taskStatuses.entry(v).Label }
func (v TaskStatus) Short() string       { return taskStatuses.entry(v).short() }
func (v TaskStatus) Slug() string        { return taskStatuses.entry(v).slug() }
func (v TaskStatus) Symbol() string      { return taskStatuses.entry(v).Symbol }
func (v TaskStatus) Description() string { return taskStatuses.entry(v).Description }
func (v TaskStatus) String() string      { return v.Key() }

// Recurring reports whether the status is one of a recurring task, judged by its periods
// rather than by completion.
func (v TaskStatus) Recurring() bool { return v == TaskPeriodsMissing || v == TaskPeriodsReported }
