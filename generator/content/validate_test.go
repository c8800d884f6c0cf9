package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A file that cannot be read is reported once, at its syntax error; what refers to it is
// not reported again as a missing plan or registry.
func TestNoFollowOnErrorsFromUnreadableFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte(`title = "T"`)},
		"agencies/a.toml":            {Data: []byte("[authority\nname = \"A\"\n")},
		"plans/p/plan.toml":          {Data: []byte("authority = \"a\"\nyear = 2024 2025\n")},
		"plans/q/plan.toml":          {Data: []byte("authority = \"a\"\nkind = \"other\"\nyear = 2024\ntitle = \"Q\"\n[document]\ntype = \"Kế hoạch\"\ntitle = \"Q\"\nissuer = \"I\"\ndate_text = \"năm 2024\"\n[[section]]\nid = \"s\"\ntitle = \"S\"\n[[task]]\nid = \"t\"\nsection = \"s\"\ncontent = \"c\"\nlead = [\"x\"]\n")},
		"progress/p/t-2024-01-01.md": {Data: []byte("+++\ntask = \"t\"\ndate = 2024-01-01\nagency = \"x\"\nstatus = \"done\"\n+++\n")},
	}
	set, err := Load(fsys)
	var all []string
	if err != nil {
		all = append(all, strings.Split(err.Error(), "\n")...)
	}
	if err := Validate(set, nil); err != nil {
		all = append(all, strings.Split(err.Error(), "\n")...)
	}
	if len(all) != 2 || !strings.HasPrefix(all[0], "agencies/a.toml:") || !strings.HasPrefix(all[1], "plans/p/plan.toml:2:") {
		t.Errorf("want exactly the two syntax errors, got:\n%s", strings.Join(all, "\n"))
	}
}

// A plan's decision.md and narrative.md are read like every content file (byte-order mark
// dropped, NFC); one in a folder without plan.toml is reported, not silently left out.
func TestPlanMarkdown(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":              {Data: []byte(`title = "T"`)},
		"plans/q/plan.toml":      {Data: []byte("authority = \"a\"\nyear = 2024\n")},
		"plans/q/decision.md":    {Data: []byte("\ufeff# Điều 1\n")},
		"plans/q/narrative.md":   {Data: []byte("Ke\u0302\u0301 hoạch\n")},
		"plans/bad/plan.toml":    {Data: []byte("year = 2024 2025\n")},
		"plans/bad/decision.md":  {Data: []byte("x")},
		"plans/lost/decision.md": {Data: []byte("x")},
	}
	set, err := Load(fsys)
	if err == nil || !strings.Contains(err.Error(), "plans/lost/decision.md: thư mục plans/lost không có plan.toml") || strings.Contains(err.Error(), "plans/bad/decision.md") {
		t.Errorf("errors: %v", err)
	}
	var q *PlanFile
	for _, p := range set.Plans {
		if p.ID == "q" {
			q = p
		}
	}
	if q == nil || q.Decision == nil || q.Decision.Body != "# Điều 1\n" || q.Narrative == nil || q.Narrative.Body != "Kế hoạch\n" {
		t.Errorf("plan q: %+v", q)
	}
}

// site.toml's base_url is checked like the --base-url flag: a link built on a bare host
// name would be relative and break the 404 page's links.
func TestSiteBaseURL(t *testing.T) {
	for url, ok := range map[string]bool{"https://congkhai.example.gov.vn/": true, "http://localhost:8080/so/": true,
		"congkhai.example.gov.vn": false, "https://": false, "ftp://x.vn/": false, "/so/": false} {
		set := &Set{Site: &SiteFile{Title: "T", BaseURL: url}}
		err := Validate(set, nil)
		if got := err == nil || !strings.Contains(err.Error(), "base_url"); got != ok {
			t.Errorf("base_url %q: %v", url, err)
		}
	}
}

// Two spellings of one field (same slug, so the same list page) are an error at the later
// file's field, naming the first file and line.
func TestFieldSpellingsCollide(t *testing.T) {
	proc := func(code, field string) string {
		return "code = \"" + code + "\"\nname = \"Thủ tục\"\nlevels = [\"xa\"]\nfield = \"" + field + "\"\n"
	}
	set, err := Load(fstest.MapFS{
		"site.toml":             {Data: []byte(`title = "T"`)},
		"thu-tuc/1.000001.toml": {Data: []byte(proc("1.000001", "Hộ tịch"))},
		"thu-tuc/1.000002.toml": {Data: []byte(proc("1.000002", "HỘ TỊCH"))},
		"thu-tuc/1.000003.toml": {Data: []byte(proc("1.000003", "Hộ  tịch"))},
		"thu-tuc/1.000004.toml": {Data: []byte(proc("1.000004", "Hộ tịch"))},
		"thu-tuc/1.000005.toml": {Data: []byte(proc("1.000005", "Chứng thực"))},
	})
	if err != nil {
		t.Fatal(err)
	}
	err = Validate(set, nil)
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(err.Error(), "\n")
	want := []string{
		`thu-tuc/1.000002.toml:4:1: field: "HỘ TỊCH" và "Hộ tịch" (thu-tuc/1.000001.toml, dòng 4) là cùng một lĩnh vực (cùng trang thu-tuc/linh-vuc/ho-tich/)`,
		`thu-tuc/1.000003.toml:4:1: field: "Hộ  tịch" và "Hộ tịch" (thu-tuc/1.000001.toml, dòng 4)`,
	}
	if len(got) != len(want) {
		t.Fatalf("got:\n%s", err)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got %q, want %q...", got[i], want[i])
		}
	}
}

// Numbers and dates have bounds, each reported at its value: an answer deadline of 10⁹
// days never finishes counting and one of 2⁶³ overflows; -5 was silently replaced by 10.
func TestValuesAreBounded(t *testing.T) {
	registry := "[authority]\nname = \"A\"\nlevel = \"tinh\"\n" +
		"[[agency]]\nid = \"x\"\nname = \"X\"\nkind = \"agency\"\nlevel = \"tinh\"\nparent = \"x\"\n" +
		"[[agency]]\nid = \"y\"\nname = \"Y\"\nkind = \"agency\"\nlevel = \"tinh\"\nparent = \"z\"\n" +
		"[[agency]]\nid = \"z\"\nname = \"Z\"\nkind = \"agency\"\nlevel = \"tinh\"\nparent = \"y\"\n" +
		"[[agency]]\nid = \"w\"\nname = \"W\"\nkind = \"agency\"\nlevel = \"tinh\"\nparent = \"y\"\nsuccessor = \"x\"\nsuccessor_date = 1800-01-01\n"
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  []string // prefixes of the errors, in order
	}{
		{"answer_days", map[string]string{"site.toml": "title = \"T\"\n[pakn]\nanswer_days = -5\n"}, []string{"site.toml:3:1: answer_days: -5 nằm ngoài 1..365"}},
		{"answer_days 0", map[string]string{"site.toml": "title = \"T\"\n[pakn]\nanswer_days = 0\n"}, []string{"site.toml:3:1: answer_days: 0 nằm ngoài 1..365"}},
		{"answer_days 10⁹", map[string]string{"site.toml": "title = \"T\"\n[pakn]\nanswer_days = 1_000_000_000\n"}, []string{"site.toml:3:1: answer_days: 1000000000 nằm ngoài"}},
		{"answer_days 2⁶³-1", map[string]string{"site.toml": "title = \"T\"\n[pakn]\nanswer_days = 9223372036854775807\n"}, []string{"site.toml:3:1: answer_days: 9223372036854775807 nằm ngoài"}},
		{"answer_days 365", map[string]string{"site.toml": "title = \"T\"\n[pakn]\nanswer_days = 365\n"}, nil},
		{"stale_after_months 0", map[string]string{"site.toml": "title = \"T\"\n[status]\nstale_after_months = 0\nreport_grace_days = -1\n"},
			[]string{"site.toml:3:1: stale_after_months: 0 nằm ngoài 1..60", "site.toml:4:1: report_grace_days: -1 nằm ngoài 0..365"}},
		{"open_data", map[string]string{"site.toml": "title = \"T\"\n[open_data]\nlicense = \"CC BY 4.0\"\ncontact_email = \"van phong@x\"\n"},
			[]string{"site.toml:3:1: license: \"CC BY 4.0\" cần là địa chỉ http(s)", "site.toml:4:1: contact_email: \"van phong@x\" không phải"}},
		{"open_data good", map[string]string{"site.toml": "title = \"T\"\n[open_data]\nlicense = \"https://creativecommons.org/licenses/by/4.0/\"\ncontact_email = \"vanphong@angiang.gov.vn\"\n"}, nil},
		{"status bounds", map[string]string{"site.toml": "title = \"T\"\n[status]\nstale_after_months = 60\nreport_grace_days = 0\n"}, nil},
		{"parents and dates", map[string]string{"site.toml": "title = \"T\"\n", "agencies/a.toml": registry}, []string{
			"agencies/a.toml:9:1: parent: một cơ quan không thể trực thuộc chính nó",
			"agencies/a.toml:15:1: parent: chuỗi cơ quan cha quay vòng (a/y)",
			"agencies/a.toml:21:1: parent: chuỗi cơ quan cha quay vòng (a/z)",
			"agencies/a.toml:27:1: parent: chuỗi cơ quan cha quay vòng (a/y)",
			"agencies/a.toml:29:1: successor_date: ngày 1800-01-01 nằm ngoài các năm 1990–2100",
		}},
		{"rank", map[string]string{"site.toml": "title = \"T\"\n", "agencies/a.toml": "[authority]\nname = \"A\"\nlevel = \"tinh\"\n[[agency]]\nid = \"x\"\nname = \"X\"\nkind = \"agency\"\nlevel = \"tinh\"\n",
			"chi-so-766/2026.toml": "period = \"2026\"\ntitle = \"N\"\n[[unit]]\nagency = \"a/x\"\nrank = 9223372036854775807\n[[unit]]\nagency = \"a/x\"\nrank = -1\n"},
			[]string{"chi-so-766/2026.toml:5:1: rank: thứ hạng 9223372036854775807 nằm ngoài 1..100000", "chi-so-766/2026.toml:7:1: agency: đơn vị", "chi-so-766/2026.toml:8:1: rank: thứ hạng -1 nằm ngoài"}},
		{"dates", map[string]string{"site.toml": "title = \"T\"\n",
			"ngay-nghi.toml": "[[holiday]]\nfrom = 9999-12-30\nto = 9999-12-31\nname = \"Nghỉ\"\n[[workday]]\nfrom = 2025-05-17T08:00:00\nname = \"Làm bù\"\n" +
				"[[workday]]\nfrom = 2025-05-18\nname = \"Làm bù\"\n"},
			[]string{"ngay-nghi.toml:2:1: from: ngày 9999-12-30 nằm ngoài", "ngay-nghi.toml:3:1: to: ngày 9999-12-31 nằm ngoài", "ngay-nghi.toml:6:1: from: chỉ ghi ngày"}},
		{"dates, decoded again after a bad key", map[string]string{"site.toml": "title = \"T\"\n",
			"ngay-nghi.toml": "[[workday]]\nfrom = 2025-05-17T08:00:00\nname = \"Làm bù\"\n[[workday]]\nfrom = 2025-05-18\nname = \"Làm bù\"\nten = \"khóa lạ\"\n"},
			[]string{"ngay-nghi.toml:2:1: from: chỉ ghi ngày", "ngay-nghi.toml:7:1: khóa không hợp lệ \"ten\""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, text := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			set, err := Load(fsys)
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if err := Validate(set, nil); err != nil {
				got = append(got, strings.Split(err.Error(), "\n")...)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got:\n%s\nwant %d errors", strings.Join(got, "\n"), len(tt.want))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("got %q, want %q...", got[i], tt.want[i])
				}
			}
		})
	}
}

// An ID that would name a list's further page (trang-2) beside the pages of the records
// it lists is refused: an authority's, an agency's, a plan's; and a petition cannot be
// named after the register's lists (pakn/thu-tuc/<code>/). Other IDs that begin with the
// word stay valid.
func TestIDsOfListPagesAreRefused(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                 {Data: []byte(`title = "T"`)},
		"agencies/trang-2.toml":     {Data: []byte("[authority]\nname = \"A\"\nlevel = \"tinh\"\n[[agency]]\nid = \"trang-3\"\nname = \"B\"\nkind = \"agency\"\nlevel = \"tinh\"\n[[agency]]\nid = \"trang-tin\"\nname = \"C\"\nkind = \"agency\"\nlevel = \"tinh\"\n")},
		"plans/trang-4/plan.toml":   {Data: []byte("authority = \"trang-2\"\nyear = 2024\n")},
		"plans/trang-moi/plan.toml": {Data: []byte("authority = \"trang-2\"\nyear = 2024\n")},
		"pakn/thu-tuc.toml":         {Data: []byte("received = 2026-03-02\n")},
	}
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	err = Validate(set, nil)
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		`agencies/trang-2.toml: tên tệp "trang-2" trùng với tên một trang tiếp theo`,
		`id: mã "trang-3" trùng với tên một trang tiếp theo`,
		`tên thư mục "trang-4" trùng với tên một trang tiếp theo`,
		`tên tệp "thu-tuc" trùng với một trang danh sách`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("no error %q in:\n%s", want, msg)
		}
	}
	for _, ok := range []string{`"trang-tin"`, `"trang-moi"`} {
		if strings.Contains(msg, ok) {
			t.Errorf("%s is refused:\n%s", ok, msg)
		}
	}
}

// A task's old IDs keep its old address working: each must be an ID, and name no other task
// nor another alias.
func TestTaskAliases(t *testing.T) {
	plan := "authority = \"a\"\nkind = \"other\"\nyear = 2024\ntitle = \"Q\"\n[document]\ntype = \"Kế hoạch\"\ntitle = \"Q\"\nissuer = \"I\"\ndate_text = \"năm 2024\"\n" +
		"[[section]]\nid = \"s\"\ntitle = \"S\"\n" +
		"[[task]]\nid = \"t\"\naliases = [\"cu\", \"u\"]\nsection = \"s\"\ncontent = \"c\"\nlead = [\"x\"]\n" +
		"[[task]]\nid = \"u\"\naliases = [\"cu\", \"Sai Mã\"]\nsection = \"s\"\ncontent = \"d\"\nlead = [\"x\"]\n"
	fsys := fstest.MapFS{
		"site.toml":         {Data: []byte(`title = "T"`)},
		"agencies/a.toml":   {Data: []byte("[authority]\nname = \"A\"\nlevel = \"tinh\"\n[[agency]]\nid = \"x\"\nname = \"X\"\nkind = \"agency\"\nlevel = \"tinh\"\n")},
		"plans/q/plan.toml": {Data: []byte(plan)},
	}
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	err = Validate(set, nil)
	if err == nil {
		t.Fatal("bad aliases pass")
	}
	for _, want := range []string{
		`plans/q/plan.toml:15:18: aliases: "u" trùng mã ở dòng 20`,
		`plans/q/plan.toml:21:12: aliases: "cu" trùng mã ở dòng 15`,
		`plans/q/plan.toml:21:18: aliases[1]: mã "Sai Mã" không hợp lệ`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}
