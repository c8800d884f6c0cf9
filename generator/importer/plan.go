package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"congkhai/generator/content"
	"congkhai/generator/planimport"
	"congkhai/generator/planread"
)

// PlanImport describes the import of a plan from the document the office has.
type PlanImport struct {
	Content   string // the content directory: the plan is written to plans/<id>/plan.toml
	File      string // the document: .docx, .xlsx, or text copied from a web page (any other name)
	Authority string // the registry (agencies/<authority>.toml); "" finds it from the document
	ID        string // the plan's folder name; "" makes one from authority, year and kind
	Year      int    // the plan's year; 0 reads it from the document
	DryRun    bool   // report only, write nothing
}

// PlanResult is what an import read and where it wrote it.
type PlanResult struct {
	*planimport.Result
	Path string // the plan.toml written (or that would be, on a dry run)
}

// Plan reads a plan document and writes it as content. When the plan is already in
// content, the document is taken as its new version: unchanged tasks keep their IDs and the
// file is rewritten whole.
func Plan(o PlanImport) (*PlanResult, error) {
	doc, err := readPlanDocument(o.File)
	if err != nil {
		return nil, err
	}
	registries, err := loadRegistries(o.Content)
	if err != nil {
		return nil, err
	}
	reg, err := planAuthority(registries, o.Authority, doc)
	if err != nil {
		return nil, err
	}
	if o.ID != "" {
		if err := content.CheckID(o.ID); err != nil {
			return nil, fmt.Errorf("tên thư mục của kế hoạch: %w", err)
		}
	}
	if o.Year != 0 && !content.InYears(o.Year) {
		return nil, fmt.Errorf("năm %d của kế hoạch nằm ngoài %d–%d", o.Year, content.MinYear, content.MaxYear)
	}
	var rel string
	res, err := planimport.Import(doc, planimport.Options{Name: filepath.ToSlash(o.File), Registry: reg, Year: o.Year, ID: o.ID,
		Existing: func(id string) (*content.PlanFile, error) {
			// The ID made from the authority and the year obeys the rule too.
			if err := content.CheckID(id); err != nil {
				return nil, fmt.Errorf("tên thư mục của kế hoạch: %w", err)
			}
			rel = "plans/" + id + "/plan.toml"
			return readPlan(o.Content, rel)
		}})
	if err != nil {
		return nil, err
	}
	if rel == "" {
		return nil, fmt.Errorf("nhập kế hoạch: không xác định được tên thư mục của kế hoạch")
	}
	if y := res.Plan.Year; !content.InYears(y) { // read from the document
		return nil, fmt.Errorf("năm %d của kế hoạch, đọc từ văn bản, nằm ngoài %d–%d: cho biết năm bằng --year", y, content.MinYear, content.MaxYear)
	}
	out := &PlanResult{Result: res, Path: filepath.Join(o.Content, filepath.FromSlash(rel))}
	if o.DryRun {
		return out, nil
	}
	var buf bytes.Buffer
	comment := fmt.Sprintf("Nhập bằng \"congkhai import plan\" từ %s, rồi người biên tập xem lại.\n"+
		"Khi có văn bản sửa đổi, nhập lại văn bản mới: nhiệm vụ không đổi giữ nguyên mã.", filepath.Base(o.File))
	if err := planimport.Encode(&buf, res.Plan, comment); err != nil {
		return nil, err
	}
	_, err = writeContentFile(o.Content, rel, buf.Bytes())
	return out, err
}

// readPlanDocument reads a document by its kind, told by the file's extension.
func readPlanDocument(name string) (*planread.Document, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	display := filepath.ToSlash(name)
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx":
		return planread.ReadDocx(display, f, st.Size())
	case ".xlsx":
		return planread.ReadXlsx(display, f)
	case ".doc", ".xls", ".pdf":
		return nil, fmt.Errorf("%s: congkhai đọc .docx, .xlsx và văn bản chép từ trang web; hãy lưu tệp thành .docx hoặc .xlsx", display)
	}
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return planread.ReadText(display, src)
}

// readPlan reads the existing plan rel of the content folder dir, or returns nil if there is
// none. It is read as a build reads it: a link or a FIFO in its place is refused.
func readPlan(dir, rel string) (*content.PlanFile, error) {
	text, err := content.ReadFile(os.DirFS(dir), rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var p content.PlanFile
	if err == nil {
		err = content.CheckNesting(rel, text)
	}
	if err == nil {
		_, err = toml.Decode(string(text), &p)
	}
	if err != nil {
		return nil, fmt.Errorf("đọc kế hoạch đang có %s: %w", filepath.Join(dir, filepath.FromSlash(rel)), err)
	}
	p.ID = path.Base(path.Dir(rel))
	return &p, nil
}

// planAuthority finds the registry a plan's agencies are in: the one named, or the one
// whose place the opening of the document names most ("tỉnh An Giang").
func planAuthority(registries []*content.AgencyFile, name string, doc *planread.Document) (*content.AgencyFile, error) {
	var ids []string
	for _, r := range registries {
		ids = append(ids, r.ID)
		if r.ID == name {
			return r, nil
		}
	}
	if name != "" {
		return nil, fmt.Errorf("không có danh mục cơ quan agencies/%s.toml (có: %s)", name, strings.Join(ids, ", "))
	}
	best := planimport.Authority(registries, doc)
	if best == nil {
		return nil, fmt.Errorf("không xác định được danh mục cơ quan của kế hoạch từ văn bản: cho biết bằng --authority (một trong: %s)", strings.Join(slices.Sorted(slices.Values(ids)), ", "))
	}
	return best, nil
}
