package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// loadErrors loads fsys and returns the load errors, one a line.
func loadErrors(t *testing.T, fsys fs.FS) (*Set, string) {
	t.Helper()
	set, err := Load(fsys)
	if err == nil {
		return set, ""
	}
	return set, err.Error()
}

// Only regular files inside the content folder are read: a symbolic link is refused, not
// followed (narrative.md -> /etc/passwd would be published), and so is a FIFO or a device,
// which would block or never end. What is in a refused folder is not reported again.
func TestLoadRefusesWhatIsNotARegularFile(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte(`title = "T"`)},
		".secret":                    {Data: []byte("root:x:0:0")},
		"plans/p/plan.toml":          {Data: []byte("authority = \"a\"\nyear = 2024\n")},
		"plans/p/narrative.md":       {Data: []byte(".secret"), Mode: fs.ModeSymlink},
		"plans/p/decision.md":        {Data: []byte("Điều 1."), Mode: fs.ModeNamedPipe},
		"plans/q":                    {Data: []byte("plans/p"), Mode: fs.ModeSymlink},
		"progress/q/t-2024-01-01.md": {Data: []byte("+++\ntask = \"t\"\ndate = 2024-01-01\nagency = \"x\"\nstatus = \"done\"\n+++\n")},
		"thu-tuc/1.000001.toml":      {Data: []byte("code = 1"), Mode: fs.ModeDevice | fs.ModeCharDevice},
	}
	set, got := loadErrors(t, fsys)
	for _, want := range []string{
		"plans/p/decision.md: không phải tệp thường",
		"plans/p/narrative.md: là liên kết tượng trưng",
		"plans/q: là liên kết tượng trưng",
		"thu-tuc/1.000001.toml: không phải tệp thường",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no error %q in:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 4 {
		t.Errorf("%d errors, want 4:\n%s", n, got)
	}
	if len(set.Plans) != 1 || set.Plans[0].Narrative != nil || set.Plans[0].Decision != nil || len(set.Procedures) != 0 {
		t.Errorf("a refused file was read: %+v", set.Plans)
	}
	if err := Validate(set, nil); err != nil && strings.Contains(err.Error(), "progress/q") {
		t.Errorf("a report in the refused plan's folder is reported again: %v", err)
	}

	// The registries alone are read the same way.
	regs := fstest.MapFS{
		"agencies/a.toml": {Data: []byte("[authority]\nname = \"A\"\nlevel = \"tinh\"\n")},
		"agencies/b.toml": {Data: []byte("../.secret"), Mode: fs.ModeSymlink},
		".secret":         {Data: []byte("[authority]\nname = \"S\"\n")},
	}
	files, err := LoadRegistries(regs)
	if len(files) != 1 || err == nil || !strings.Contains(err.Error(), "agencies/b.toml: là liên kết tượng trưng") {
		t.Errorf("registries: %d read, error %v", len(files), err)
	}
}

// A file larger than MaxFileSize is refused unread, with the limit named.
func TestLoadRefusesAHugeFile(t *testing.T) {
	big := make([]byte, 8<<20+1)
	for i := range big {
		big[i] = '#'
	}
	_, got := loadErrors(t, fstest.MapFS{
		"site.toml":        {Data: []byte(`title = "T"`)},
		"pakn/2026-1.toml": {Data: big},
	})
	if want := "pakn/2026-1.toml: tệp lớn hơn giới hạn 2 MiB"; !strings.HasPrefix(got, want) || strings.Contains(got, "\n") {
		t.Errorf("got %q, want one error starting %q", got, want)
	}
}

// One cause, one error, with a position: a site.toml saved as UTF-16 (with or without a
// byte-order mark) is named as such, and not also reported missing; an empty file is one
// error at 1:1; a missing key is reported at the table it belongs in, else at 1:1.
func TestOneErrorPerCause(t *testing.T) {
	utf16le := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	for _, tt := range []struct {
		name string
		fsys fstest.MapFS
		want []string
	}{
		{"UTF-16 with BOM", fstest.MapFS{"site.toml": {Data: append([]byte{0xff, 0xfe}, utf16le("title = \"Trang\"\n")...)}},
			[]string{"site.toml:1:1: tệp được lưu bằng bảng mã UTF-16 LE: lưu lại với bảng mã UTF-8"}},
		{"UTF-16 without BOM", fstest.MapFS{"site.toml": {Data: utf16le("title = \"Công khai\"\n")}},
			[]string{"site.toml:1:1: tệp được lưu bằng bảng mã UTF-16 LE: lưu lại với bảng mã UTF-8"}},
		{"bad byte", fstest.MapFS{
			"site.toml":                  {Data: []byte("title = \"T\"\n")},
			"plans/p/plan.toml":          {Data: []byte("authority = \"a\"\ntitle = \"K\xe9\"\n")},
			"plans/p/narrative.md":       {Data: []byte("# Mục đích\n")},
			"progress/p/t-2024-01-01.md": {Data: []byte("+++\ntask = \"t\"\ndate = 2024-01-01\nagency = \"x\"\nstatus = \"done\"\n+++\n")},
		}, []string{"plans/p/plan.toml:2:11: tệp không phải văn bản UTF-8"}},
		{"empty", fstest.MapFS{"site.toml": {Data: []byte("# chưa có gì\n")}},
			[]string{"site.toml:1:1: tệp trống"}},
		{"control character", fstest.MapFS{"site.toml": {Data: []byte("\x01")}}, // found by FuzzLoad: it panicked
			[]string{"site.toml:1:1: cú pháp TOML"}},
		{"missing keys", fstest.MapFS{
			"site.toml":        {Data: []byte("title = \"T\"\n")},
			"agencies/a.toml":  {Data: []byte("# Tỉnh A\n\n[authority]\nlevel = \"tinh\"\n")},
			"pakn/2026-1.toml": {Data: []byte("channel = \"truc-tiep\"\nkind = \"phan-anh\"\nsubject = \"S\"\nquestion = \"Q\"\nstatus = \"dang-xu-ly\"\nagencies = [\"a/x\"]\n")},
		}, []string{"agencies/a.toml:3:1: name: bắt buộc", "pakn/2026-1.toml:1:1: received: thiếu ngày tiếp nhận"}},
		{"wrong type", fstest.MapFS{
			"site.toml":            {Data: []byte("title = \"T\"\n")},
			"chi-so-766/2026.toml": {Data: []byte("period = \"2026\"\ntitle = \"Năm\"\n[[unit]]\nagency = \"a/x\"\nckmb = \"8\"\ntotal = 8\n")},
			"pakn/2026-1.toml":     {Data: []byte("received = \"2026-03-02\"\nchannel = \"truc-tiep\"\nkind = \"phan-anh\"\nsubject = 5\nquestion = \"Q\"\nstatus = \"dang-xu-ly\"\nagencies = \"a/x\"\n")},
		}, []string{"chi-so-766/2026.toml:5:1: ckmb: cần một số", "pakn/2026-1.toml:1:1: received: cần một ngày", "pakn/2026-1.toml:4:1: subject: cần một chuỗi", "pakn/2026-1.toml:7:1: agencies: cần một danh sách"}},
		// A key of a closed list that is not in it is refused as the file is decoded, at the
		// value, with the keys allowed; the rest of the file is still checked, and nothing
		// follows from the value refused. A key not given is reported by validation (last
		// here: the errors of loading come first).
		{"closed lists", fstest.MapFS{
			"site.toml":       {Data: []byte("title = \"T\"\n")},
			"agencies/a.toml": {Data: []byte("[authority]\nname = \"A\"\nlevel = \"tỉnh\"\n[[agency]]\nid = \"x\"\nname = \"X\"\nlevel = \"tinh\"\n")},
			"thu-tuc/1.000001.toml": {Data: []byte("code = \"1.000001\"\nname = \"N\"\nfield = \"F\"\nlevels = [\"tinh\", \"phuong\"]\nonline = 1\n" +
				"[[method]]\nchannel = \"fax\"\n[[agency]]\nrole = \"tham-quyen\"\nname = \"A\"\n")},
			"pakn/2026-1.toml": {Data: []byte("received = 2026-03-02\nchannel = \"truc-tiep\"\nkind = \"phan-anh\"\nsubject = \"S\"\nquestion = \"Q\"\nstatus = \"xong\"\nagencies = [\"a/x\"]\n")},
		}, []string{
			`agencies/a.toml:3:1: level: giá trị "tỉnh" không hợp lệ; chọn một trong: quoc-gia, tinh, thanh-pho, huyen, xa`,
			`pakn/2026-1.toml:6:1: status: giá trị "xong" không hợp lệ; chọn một trong: da-tra-loi, dang-xu-ly, chuyen, tu-choi`,
			`thu-tuc/1.000001.toml:4:19: levels[1]: giá trị "phuong" không hợp lệ; chọn một trong: tinh, xa, huyen, bo, khac`,
			`thu-tuc/1.000001.toml:5:1: online: cần một chuỗi trong ngoặc kép`,
			`thu-tuc/1.000001.toml:7:1: channel: giá trị "fax" không hợp lệ; chọn một trong: truc-tiep, truc-tuyen, buu-chinh`,
			`agencies/a.toml:4:1: kind: giá trị "" không hợp lệ; chọn một trong: agency, group`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			set, err := Load(tt.fsys)
			if err != nil {
				got = append(got, strings.Split(err.Error(), "\n")...)
			}
			if err := Validate(set, nil); err != nil {
				for _, l := range strings.Split(err.Error(), "\n") {
					if !strings.Contains(l, "không có cơ quan") && !strings.Contains(l, "không có danh mục cơ quan") { // the registries are not the point here
						got = append(got, l)
					}
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("got %q, want %q...", got[i], w)
				}
			}
		})
	}
}
