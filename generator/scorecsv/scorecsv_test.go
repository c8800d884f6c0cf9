package scorecsv

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"congkhai/generator/content"
)

// byCode resolves units by code from a fixed table, as the command does from the registry.
func byCode(codes map[string]string) Resolver {
	return func(code, name string) (string, string) {
		if ref, ok := codes[code]; ok {
			return ref, ""
		}
		return "", "không có đơn vị mã " + code + " (" + name + ") trong danh mục cơ quan"
	}
}

func TestReadRealFile(t *testing.T) {
	f, err := os.Open("../../testdata/766/provinces-2026-10-05.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	units, err := Read(f, "provinces.csv", func(code, name string) (string, string) { return "ca-nuoc/" + strings.ToLower(code), "" })
	if err != nil {
		t.Fatalf("the published file has problems:\n%v", err)
	}
	if len(units) != 34 {
		t.Fatalf("read %d units, want the 34 provinces", len(units))
	}
	want := content.UnitRec{Agency: "ca-nuoc/h01", Name: "UBND tỉnh An Giang", CKMB: 8, TDGQ: 18.15, CLGQ: 7, TTTT: 6.49, MDHL: 9.95, MDSH: 9.13, Total: 58.72, Rank: 29}
	found := false
	for _, u := range units {
		if u.Agency == want.Agency {
			found = true
			if !reflect.DeepEqual(u, want) {
				t.Errorf("An Giang = %+v\nwant %+v", u, want)
			}
		}
	}
	if !found {
		t.Error("An Giang (H01) not read")
	}
	if units[0].Rank != 1 || units[33].Rank != 34 || units[4].Rank != 5 || units[5].Rank != 5 {
		t.Errorf("ranks (with the tie at 5) not kept: %d %d %d %d", units[0].Rank, units[4].Rank, units[5].Rank, units[33].Rank)
	}
}

func TestReadReportsEveryProblemWithItsPosition(t *testing.T) {
	in := "ma_don_vi,ten_don_vi,tong_diem,CKMB,TDGQ,CLGQ,TTTT,MDSH,MDHL,xep_hang\n" +
		"H01,UBND tỉnh An Giang,58.72,8,18.15,7,6.49,9.13,9.95,29\n" + // fine
		"H02,Tỉnh B,70,19,20,12,10,5,4,1\n" + // CKMB above 18, though the total adds up
		"H03,Tỉnh C,60.5,10,10,10,10,10,10,2\n" + // total is 60
		"H04,Tỉnh D,abc,10,10,10,10,10,10,3\n" + // total not a number
		"H99,Tỉnh lạ,0,0,0,0,0,0,0,4\n" + // unknown unit
		"H01,UBND tỉnh An Giang,58.72,8,18.15,7,6.49,9.13,9.95,29\n" + // twice
		"H05,Tỉnh E,1\n" + // short row
		"H06,Tỉnh F,NaN,NaN,10,10,10,10,10,-1\n" // not a number that parses, and a bad rank
	codes := map[string]string{"H01": "an-giang/ubnd-tinh", "H02": "ca-nuoc/b", "H03": "ca-nuoc/c", "H04": "ca-nuoc/d", "H05": "ca-nuoc/e", "H06": "ca-nuoc/f"}
	_, err := Read(strings.NewReader(in), "kq.csv", byCode(codes))
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`kq.csv:3:15: ckmb: 19.00 nằm ngoài 0..18 (điểm tối đa nhóm Công khai, minh bạch)`,
		`kq.csv:4:12: total: 60.50 khác tổng điểm sáu nhóm 60.00`,
		`kq.csv:5:12: total: "abc" không phải số`,
		`kq.csv:6:1: không có đơn vị mã H99 (Tỉnh lạ) trong danh mục cơ quan`,
		`kq.csv:7:1: đơn vị an-giang/ubnd-tinh đã có ở dòng 2`,
		`kq.csv:8:1: dòng có 3 cột, tiêu đề có 10`,
		`kq.csv:9:12: total: NaN khác tổng điểm sáu nhóm NaN`,
		`kq.csv:9:16: ckmb: NaN nằm ngoài 0..18 (điểm tối đa nhóm Công khai, minh bạch)`,
		`kq.csv:9:35: xep_hang: "-1" không phải thứ hạng`,
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestReadNeedsTheColumns(t *testing.T) {
	_, err := Read(strings.NewReader("ma_don_vi,ten_don_vi,diem\nH01,A,1\n"), "x.csv", byCode(nil))
	if err == nil || !strings.Contains(err.Error(), "x.csv:1:1: thiếu cột total") {
		t.Errorf("err = %v", err)
	}
}

func TestEncodeRoundTrips(t *testing.T) {
	f := &content.ResultsFile{Period: "2026", Title: `Kết quả "năm" 2026`, Scope: "Các tỉnh, thành phố", Source: "Cổng DVCQG",
		Units: []content.UnitRec{{Agency: "ca-nuoc/dong-thap", Name: "UBND tỉnh Đồng Tháp", CKMB: 11.46, TDGQ: 17.63, CLGQ: 8.88, TTTT: 6.37, MDHL: 14.1, MDSH: 9.67, Total: 68.11, Rank: 1}}}
	var b strings.Builder
	if err := Encode(&b, f, "Nhập từ tệp CSV\nngày 05/10/2026"); err != nil {
		t.Fatal(err)
	}
	var back content.ResultsFile
	if _, err := toml.Decode(b.String(), &back); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if !reflect.DeepEqual(back.Units, f.Units) || back.Title != f.Title || back.Period != f.Period {
		t.Errorf("round trip changed the file:\n%s\n%+v", b.String(), back)
	}
	if !strings.HasPrefix(b.String(), "# Nhập từ tệp CSV\n# ngày 05/10/2026\n") {
		t.Errorf("comment not written:\n%s", b.String())
	}
}

// A CSV saved in a Vietnamese Windows code page is refused at its first foreign byte, not
// imported with replacement characters in the names.
func TestReadRefusesOtherEncodings(t *testing.T) {
	in := "ma_don_vi,ten_don_vi,tong_diem,CKMB,TDGQ,CLGQ,TTTT,MDSH,MDHL,xep_hang\n" +
		"H01,UBND t\xecnh An Giang,58.72,8,18.15,7,6.49,9.13,9.95,29\n"
	_, err := Read(strings.NewReader(in), "kq.csv", byCode(map[string]string{"H01": "an-giang/ubnd-tinh"}))
	if err == nil || !strings.HasPrefix(err.Error(), "kq.csv:2:11: tệp không phải văn bản UTF-8") {
		t.Errorf("err = %v", err)
	}
}
