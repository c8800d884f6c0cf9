package render

import (
	"strings"
	"testing"
	"time"

	"congkhai/generator/content"
	"congkhai/generator/model"
	"congkhai/generator/schedule"
	"congkhai/generator/vocab"
	"congkhai/static"
	"congkhai/templates"
)

// An agency's page says what became of it: the successor linked where the registry knows
// it, "chưa xác định" with the date and the reason where it does not, and, when the
// successor changed in turn, every step and the body of today.
func TestAgencyPageSaysSuccessor(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	office := func(id, name string) content.AgencyRec {
		return content.AgencyRec{ID: id, Name: name, Kind: vocab.AgencyKindOffice, Level: vocab.AgencyLevel{Level: vocab.Province}}
	}
	changed := func(r content.AgencyRec, succ string, date time.Time, note string) content.AgencyRec {
		r.Successor, r.SuccessorUnknown, r.SuccessorDate, r.SuccessorNote = succ, succ == "", date, note
		return r
	}
	set := &content.Set{
		Site: &content.SiteFile{Title: "T"},
		Authorities: []*content.AgencyFile{
			{ID: "cu", Authority: content.Authority{Name: "Tỉnh Cũ", Successor: "Tỉnh hợp nhất", SuccessorDate: d(2025, 7, 1), SuccessorNote: "Tỉnh Cũ hợp nhất với tỉnh Bên (Nghị quyết 202/2025/QH15)."},
				Agencies: []content.AgencyRec{
					changed(office("so-tttt", "Sở Thông tin và Truyền thông tỉnh Cũ"), "moi/so-tttt", d(2025, 1, 1), "Tỉnh Cũ trở thành Thành phố Mới."),
					changed(office("so-y-te", "Sở Y tế tỉnh Cũ"), "", time.Time{}, ""),
					changed(office("phong", "Phòng Nội vụ huyện X"), "", d(2025, 7, 1), "Cấp huyện kết thúc hoạt động."),
				}},
			{ID: "moi", Authority: content.Authority{Name: "Thành phố Mới"},
				Agencies: []content.AgencyRec{
					changed(office("so-tttt", "Sở Thông tin và Truyền thông thành phố Mới"), "so-khcn", d(2025, 3, 1), "Hợp nhất (Nghị định 45/2025/NĐ-CP)."),
					office("so-khcn", "Sở Khoa học và Công nghệ thành phố Mới"),
				}},
		},
	}
	site := model.New(set, schedule.D(2026, time.November, 21))
	rs, err := NewSet(site, Options{Templates: templates.FS, Static: static.FS})
	if err != nil {
		t.Fatal(err)
	}
	page := func(path string) string {
		t.Helper()
		o := rs.Lookup(path)
		if o == nil {
			t.Fatalf("no page %s", path)
		}
		f, err := rs.Render(o)
		if err != nil {
			t.Fatal(err)
		}
		return string(f.Data)
	}
	meta := func(path string) string {
		p := page(path)
		i, j := strings.Index(p, `<dl class="meta">`), strings.Index(p, "</dl>")
		if i < 0 || j < i {
			t.Fatalf("%s: no meta list", path)
		}
		return p[i:j]
	}
	for _, tt := range []struct {
		path      string
		want, not []string
	}{
		// A chain across registries: each step, then the body of today.
		{"co-quan/cu/so-tttt/index.html", []string{
			`<li>Từ ngày 01/01/2025: <a href="../../moi/so-tttt/index.html">Sở Thông tin và Truyền thông thành phố Mới</a>. Tỉnh Cũ trở thành Thành phố Mới.</li>`,
			`<li>Từ ngày 01/03/2025: <a href="../../moi/so-khcn/index.html">Sở Khoa học và Công nghệ thành phố Mới</a>. Hợp nhất (Nghị định 45/2025/NĐ-CP).</li>`,
			`<dt>Hiện nay</dt><dd><a href="../../moi/so-khcn/index.html">Sở Khoa học và Công nghệ thành phố Mới</a></dd>`,
		}, []string{"chưa xác định"}},
		// Not known: the statement, with its authority's date and reason when it has none.
		{"co-quan/cu/so-y-te/index.html", []string{
			`<dt>Cơ quan kế nhiệm</dt><dd>Từ ngày 01/07/2025: <strong>chưa xác định</strong>. Tỉnh Cũ hợp nhất với tỉnh Bên (Nghị quyết 202/2025/QH15).</dd>`,
		}, []string{"Hiện nay", "<a href=\"../../"}},
		{"co-quan/cu/phong/index.html", []string{`Từ ngày 01/07/2025: <strong>chưa xác định</strong>. Cấp huyện kết thúc hoạt động.</dd>`}, []string{"Tỉnh Bên"}},
		// One step known: no "Hiện nay"; the successor lists where its work came from.
		{"co-quan/moi/so-tttt/index.html", []string{`<dd>Từ ngày 01/03/2025: <a href="../so-khcn/index.html">Sở Khoa học và Công nghệ thành phố Mới</a>. Hợp nhất`}, []string{"Hiện nay", "<ol"}},
		{"co-quan/moi/so-khcn/index.html", []string{`<dt>Tiếp nhận chức năng của</dt>`}, []string{"Cơ quan kế nhiệm"}},
	} {
		got := meta(tt.path)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %s in:\n%s", tt.path, w, got)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(got, n) {
				t.Errorf("%s has %s in:\n%s", tt.path, n, got)
			}
		}
	}
	// A table of agencies says what each is today.
	list := page("co-quan/cu/index.html")
	for _, w := range []string{"Nay: Sở Khoa học và Công nghệ thành phố Mới", "Nay: chưa xác định"} {
		if !strings.Contains(list, w) {
			t.Errorf("the authority's list lacks %q", w)
		}
	}
}
