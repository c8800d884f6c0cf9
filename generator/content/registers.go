package content

import (
	"time"

	"congkhai/generator/vocab"
)

// The three registers the plans oblige an office to keep public: the procedure catalogue
// (thủ tục hành chính), the answers to petitions (phản ánh, kiến nghị) and the monthly
// service-quality index of Quyết định 766/QĐ-TTg. Their layout in a content directory:
//
//	thu-tuc/<code>.toml               one procedure (Nghị định 63/2010, Điều 8)
//	pakn/<id>.toml                    one petition and its answer
//	chi-so-766/<period>.toml          one period of 766 results
//	ngay-nghi.toml                    public holidays and make-up working days

// ProcedureFile is thu-tuc/<code>.toml.
type ProcedureFile struct {
	source `toml:"-"`
	// Code is the national code ("1.001226"); the file name is the code.
	Code string `toml:"code"`
	Name string `toml:"name"`
	// Field is the lĩnh vực as printed ("Hộ tịch").
	Field string `toml:"field"`
	// Levels are where the procedure is carried out.
	Levels []vocab.ProcedureLevel `toml:"levels"`
	// Kind is the loại thủ tục as printed.
	Kind     string   `toml:"kind"`
	Subjects []string `toml:"subjects"` // đối tượng thực hiện
	// Agencies are the deciding, implementing, delegated and cooperating agencies.
	Agencies []ProcedureAgency `toml:"agency"`
	Address  string            `toml:"address"` // địa chỉ tiếp nhận hồ sơ
	Methods  []MethodRec       `toml:"method"`  // cách thức thực hiện, one row per channel
	Steps    string            `toml:"steps"`   // trình tự thực hiện, Markdown
	Dossier  []DossierRec      `toml:"dossier"` // thành phần hồ sơ
	// DossierText holds a dossier that could not be split into rows, as Markdown.
	DossierText   string            `toml:"dossier_text"`
	Conditions    string            `toml:"conditions"` // yêu cầu, điều kiện, Markdown
	Results       []ResultRec       `toml:"result"`     // kết quả xử lý
	LegalBases    []LegalBasisRec   `toml:"legal_basis"`
	Online        vocab.OnlineLevel `toml:"online"`
	Postal        bool              `toml:"postal"` // accepted through the public postal service
	Decision      string            `toml:"decision"`
	LocalCode     string            `toml:"local_code"`     // the province's published code ("1.001226.H01")
	LocalDecision string            `toml:"local_decision"` // the province's decision that published it
	SourceURL     string            `toml:"source_url"`     // the record on the national portal
	Illustrative  bool              `toml:"illustrative"`
}

// ProcedureAgency is one [[agency]] of a procedure: the printed name, the registry ID
// ("an-giang/so-tu-phap") where the name resolves, and its role.
type ProcedureAgency struct {
	Role vocab.ProcedureRole `toml:"role"`
	Name string              `toml:"name"`
	ID   string              `toml:"id"`
}

// MethodRec is one submission channel with its time and fee.
type MethodRec struct {
	Channel     vocab.MethodChannel `toml:"channel"`
	Time        string              `toml:"time"` // as printed: "1 Ngày làm việc"
	Fee         string              `toml:"fee"`  // as printed; "" when the source says there is no information
	Description string              `toml:"description"`
}

// DossierRec is one document of the dossier.
type DossierRec struct {
	Group    string `toml:"group"` // the case the document belongs to, when the dossier has several
	Name     string `toml:"name"`  // Markdown
	Form     string `toml:"form"`  // the form's name, when there is one ("Mẫu số 01"); several are joined by "; "
	Quantity string `toml:"quantity"`
}

// ResultRec is one result of a procedure.
type ResultRec struct {
	Name string `toml:"name"`
	Code string `toml:"code"`
}

// LegalBasisRec is one legal basis.
type LegalBasisRec struct {
	Title  string `toml:"title"`
	Number string `toml:"number"`
}

// PetitionFile is pakn/<id>.toml.
type PetitionFile struct {
	source   `toml:"-"`
	ID       string                `toml:"-"` // from the file name
	Received time.Time             `toml:"received"`
	Channel  vocab.PetitionChannel `toml:"channel"`
	Kind     vocab.PetitionKind    `toml:"kind"`
	Subject  string                `toml:"subject"`
	// Procedure is the code of the procedure the petition is about, if any.
	Procedure    string               `toml:"procedure"`
	Agencies     []string             `toml:"agencies"` // registry IDs: "authority/agency"
	Status       vocab.PetitionStatus `toml:"status"`
	Answered     time.Time            `toml:"answered"`
	Question     string               `toml:"question"` // Markdown; personal data is masked at build time
	Answer       string               `toml:"answer"`   // Markdown
	Documents    []Evidence           `toml:"document"` // the answer's documents
	Illustrative bool                 `toml:"illustrative"`
	// Petitioner is never rendered and never indexed.
	Petitioner map[string]any `toml:"petitioner"`
}

// ResultsFile is chi-so-766/<period>.toml: one period of 766 results.
type ResultsFile struct {
	source `toml:"-"`
	ID     string `toml:"-"` // from the file name
	// Period is "2026-10" (month), "2026-q3" (quarter) or "2026" (year).
	Period string `toml:"period"`
	// Through is the last day counted when the period was still running (year to date).
	Through      time.Time `toml:"through"`
	Title        string    `toml:"title"`
	Scope        string    `toml:"scope"` // what the units are: "Các tỉnh, thành phố", "Sở, ngành tỉnh An Giang"
	Source       string    `toml:"source"`
	Illustrative bool      `toml:"illustrative"`
	Units        []UnitRec `toml:"unit"`
}

// UnitRec is one unit's scores in a period.
type UnitRec struct {
	Agency string  `toml:"agency"` // registry ID "authority/agency"
	Name   string  `toml:"name"`   // as published, when it differs from the registry
	CKMB   float64 `toml:"ckmb"`
	TDGQ   float64 `toml:"tdgq"`
	CLGQ   float64 `toml:"clgq"`
	TTTT   float64 `toml:"tttt"`
	MDHL   float64 `toml:"mdhl"`
	MDSH   float64 `toml:"mdsh"`
	Total  float64 `toml:"total"`
	Rank   int     `toml:"rank"`
}

// HolidaysFile is ngay-nghi.toml: the days off that are not weekends, and the weekend days
// worked in their place. Tết follows the lunar calendar, so the list is content, not code.
type HolidaysFile struct {
	source   `toml:"-"`
	Holidays []HolidayRec `toml:"holiday"`
	Workdays []HolidayRec `toml:"workday"`
}

// HolidayRec is a day or a run of days (From to To, inclusive).
type HolidayRec struct {
	From time.Time `toml:"from"`
	To   time.Time `toml:"to"` // zero: the single day From
	Name string    `toml:"name"`
}
