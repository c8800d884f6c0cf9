package generator_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"

	"congkhai/generator"
	"congkhai/generator/diag"
)

// Registers for the small example, to start the fuzzer from content that builds.
const (
	fuzzProcedure = "code = \"1.000001\"\nname = \"Đăng ký khai sinh\"\nfield = \"Hộ tịch\"\nlevels = [\"xa\"]\nonline = \"toan-trinh\"\n" +
		"[[agency]]\nrole = \"thuc-hien\"\nname = \"Văn phòng UBND tỉnh\"\nid = \"tinh-mau/vp-ubnd\"\n" +
		"[[method]]\nchannel = \"truc-tuyen\"\ntime = \"1 ngày\"\n[[dossier]]\nname = \"Tờ khai\"\nquantity = \"1 bản\"\n"
	fuzzPetition = "received = 2026-03-02\nchannel = \"truc-tiep\"\nkind = \"phan-anh\"\nsubject = \"Hỏi về khai sinh\"\n" +
		"procedure = \"1.000001\"\nagencies = [\"tinh-mau/vp-ubnd\"]\nstatus = \"da-tra-loi\"\nanswered = 2026-03-10\n" +
		"question = \"Ông Nguyễn Văn A, số điện thoại 0912 345 678, hỏi.\"\nanswer = \"Đã trả lời.\"\n[[document]]\nnumber = \"1/VP\"\ndate = 2026-03-10\n[petitioner]\nname = \"A\"\n"
	fuzzResults = "period = \"2026-10\"\ntitle = \"Tháng 10/2026\"\nscope = \"Sở, ngành\"\n[[unit]]\nagency = \"tinh-mau/vp-ubnd\"\n" +
		"ckmb = 18\ntdgq = 20\nclgq = 12\ntttt = 10\nmdhl = 18\nmdsh = 22\ntotal = 100\nrank = 1\n"
	fuzzHolidays = "[[holiday]]\nfrom = 2026-02-14\nto = 2026-02-22\nname = \"Tết\"\n[[workday]]\nfrom = 2025-05-17\nname = \"Làm bù\"\n"
)

// fileLevel are the errors about a file as a whole, which have no line: its kind, place,
// name or size.
var fileLevel = regexp.MustCompile(`^(đọc|kiểm tra): (tệp không thuộc cấu trúc|là liên kết|không phải tệp thường|tệp lớn hơn|không đọc được|tên tệp|tên thư mục|thư mục .* (không có plan.toml|không ứng với kế hoạch nào))`)

// FuzzLoad builds the small example with its files mutated, one of each kind: loading,
// validating and modelling never panic, every problem is reported at a position in a file,
// and whatever check accepts builds.
func FuzzLoad(f *testing.F) {
	small := os.DirFS("../testdata/small/content")
	read := func(name string) []byte {
		b, err := fs.ReadFile(small, name)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	names := []string{"site.toml", "agencies/tinh-mau.toml", "plans/ke-hoach-mau-2024/plan.toml",
		"progress/ke-hoach-mau-2024/bao-cao-quy-2024-04-05.md", "thu-tuc/1.000001.toml", "pakn/2026-001.toml",
		"chi-so-766/2026-10.toml", "ngay-nghi.toml"}
	f.Add(read(names[0]), read(names[1]), read(names[2]), read(names[3]), []byte(fuzzProcedure), []byte(fuzzPetition), []byte(fuzzResults), []byte(fuzzHolidays))
	f.Add(append(read(names[0]), "\n[pakn]\nanswer_days = 365\ncalendar_days = true\n"...), read(names[1]), read(names[2]), read(names[3]),
		[]byte(fuzzProcedure), []byte(fuzzPetition), []byte(fuzzResults), []byte{})
	f.Fuzz(func(t *testing.T, site, registry, plan, report, procedure, petition, results, holidays []byte) {
		fsys := fstest.MapFS{}
		if err := fs.WalkDir(small, ".", func(name string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				fsys[name] = &fstest.MapFile{Data: read(name)}
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		for i, data := range [][]byte{site, registry, plan, report, procedure, petition, results, holidays} {
			fsys[names[i]] = &fstest.MapFile{Data: data}
		}
		opts := generator.Options{Content: fsys, AsOf: asOf}
		_, err := generator.Check(context.Background(), opts)
		if err != nil {
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("not a diag.List: %v", err)
			}
			for _, e := range list {
				if e.Pos.File == "" || e.Pos.Line == 0 && !fileLevel.MatchString(e.Msg) {
					t.Errorf("no position: %v", e)
				}
			}
			return
		}
		opts.Out = filepath.Join(t.TempDir(), "public")
		if _, err := generator.Build(context.Background(), opts); err != nil {
			t.Fatalf("check accepted what build failed on: %v", err)
		}
	})
}
