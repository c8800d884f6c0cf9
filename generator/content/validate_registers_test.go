package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// An agency whose body changed in 2025 names its successor or says it is not known; each
// sign of the change is reported at the key that shows it: the level of a district body,
// the name of a department merged by Nghị định 45/2025, the [[agency]] table of an office
// of an authority that changed. Groups and central bodies of such an authority, and the
// bodies of a registry that continues, need not say.
func TestReorganisedAgenciesSaySuccessor(t *testing.T) {
	agency := func(id, name, kind, level, more string) string {
		return "\n[[agency]]\nid = \"" + id + "\"\nname = \"" + name + "\"\nkind = \"" + kind + "\"\nlevel = \"" + level + "\"\n" + more
	}
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte("title = \"T\"\n")},
		// A province that merged: its registry is of the bodies before the merger.
		"agencies/a.toml": {Data: []byte("[authority]\nname = \"Tỉnh A\"\nlevel = \"tinh\"\nsuccessor = \"Tỉnh hợp nhất\"\nsuccessor_date = 2025-07-01\n" + // 1-5
			agency("ubnd-tinh", "UBND tỉnh A", "agency", "tinh", "") + // [[agency]] at 7: not said
			agency("so-gtvt", "Sở Giao thông vận tải tỉnh A", "agency", "tinh", "") + // name at 15 says it
			agency("ubnd-huyen", "UBND các huyện", "group", "huyen", "") + // level at 23 says it
			agency("cac-so", "Các sở, ban, ngành", "group", "tinh", "") + // a group: need not say
			agency("bo", "Bộ Nội vụ", "agency", "trung-uong", "") + // central: need not say
			agency("so-tu-phap", "Sở Tư pháp tỉnh A", "agency", "tinh", "successor_unknown = true\n") + // said
			agency("so-y-te", "Sở Y tế tỉnh A", "agency", "tinh", "successor = \"b/so-y-te\"\nsuccessor_date = 2025-07-01\nsuccessor_unknown = true\n"))}, // both, at 51
		// A province that did not change: only the merged department and the district must say.
		"agencies/b.toml": {Data: []byte("[authority]\nname = \"Tỉnh B\"\nlevel = \"tinh\"\ncontinues = true\n" + // 4: continues without a change
			agency("so-y-te", "Sở Y tế tỉnh B", "agency", "tinh", "") +
			agency("so-nn-mt", "Sở Nông nghiệp và Môi trường tỉnh B", "agency", "tinh", "") + // not a merged name
			agency("so-khdt", "Sở Kế hoạch và Đầu Tư", "agency", "tinh", "") + // name at 20
			agency("so-ldtbxh", "Sở Lao động, Thương binh và Xã hội tỉnh B", "agency", "tinh", "") + // name at 26, punctuation aside
			agency("so-tttt", "Sở TT&TT tỉnh B", "agency", "tinh", "") + // an abbreviation is not recognised
			agency("phong", "Phòng Nội vụ huyện X", "agency", "huyen", "successor_unknown = true\n"))},
		// A province that merged and whose registry goes on: its bodies carry on.
		"agencies/c.toml": {Data: []byte("[authority]\nname = \"Tỉnh C\"\nlevel = \"tinh\"\nsuccessor = \"Tỉnh C\"\nsuccessor_date = 2025-07-01\ncontinues = true\n" +
			agency("ubnd-tinh", "UBND tỉnh C", "agency", "tinh", "") +
			agency("so-tnmt", "Sở Tài nguyên và Môi trường tỉnh C", "agency", "tinh", "") + // name at 16
			agency("vp-huyen", "Văn phòng HĐND và UBND cấp huyện", "group", "huyen", ""))}, // level at 24
	}
	got := validateErrors(t, fsys)
	want := []string{
		"agencies/a.toml:7:1: successor: Tỉnh A đã thay đổi (successor ở dòng 4; ",
		"agencies/a.toml:15:1: successor: Sở Giao thông vận tải được hợp nhất vào Sở Xây dựng (Nghị định 45/2025/NĐ-CP): ghi cơ quan kế nhiệm, hoặc successor_unknown = true nếu chưa xác định",
		"agencies/a.toml:23:1: successor: cấp huyện kết thúc hoạt động từ ngày 01/7/2025 (Nghị quyết 202/2025/QH15): ",
		"agencies/a.toml:51:1: successor_unknown: đã ghi cơ quan kế nhiệm (successor = \"b/so-y-te\"): bỏ một trong hai",
		"agencies/b.toml:4:1: continues: chỉ ghi khi chính quyền đã thay đổi",
		"agencies/b.toml:20:1: successor: Sở Kế hoạch và Đầu tư được hợp nhất vào Sở Tài chính",
		"agencies/b.toml:26:1: successor: Sở Lao động - Thương binh và Xã hội được hợp nhất vào Sở Nội vụ",
		"agencies/c.toml:16:1: successor: Sở Tài nguyên và Môi trường được hợp nhất vào Sở Nông nghiệp và Môi trường",
		"agencies/c.toml:24:1: successor: cấp huyện kết thúc hoạt động",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got  %q\nwant %q...", got[i], want[i])
		}
	}
}

// A chain of successors across registries that comes back to where it started is refused,
// at every agency of the loop.
func TestSuccessorLoopAcrossRegistries(t *testing.T) {
	reg := func(id, succ string) []byte {
		return []byte("[authority]\nname = \"A\"\nlevel = \"tinh\"\n\n[[agency]]\nid = \"" + id + "\"\nname = \"N\"\nkind = \"agency\"\nlevel = \"tinh\"\nsuccessor = \"" + succ + "\"\nsuccessor_date = 2025-01-01\n")
	}
	got := validateErrors(t, fstest.MapFS{
		"site.toml":       {Data: []byte("title = \"T\"\n")},
		"agencies/a.toml": {Data: reg("x", "b/y")},
		"agencies/b.toml": {Data: reg("y", "c/z")},
		"agencies/c.toml": {Data: reg("z", "a/x")},
	})
	want := []string{
		"agencies/a.toml:10:1: successor: chuỗi cơ quan kế nhiệm quay vòng (a/x)",
		"agencies/b.toml:10:1: successor: chuỗi cơ quan kế nhiệm quay vòng (b/y)",
		"agencies/c.toml:10:1: successor: chuỗi cơ quan kế nhiệm quay vòng (c/z)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Every agency of the example content whose body changed in 2025, by the signs the check
// knows, names its successor or says it is not known; and the signs find the bodies the
// reorganisation ended: the district of Vĩnh Linh and its offices, the Quảng Trị bodies
// its plan names, Thừa Thiên Huế's departments, the merged departments, Vĩnh Long's bodies.
func TestExampleReorganisedAgenciesSaySuccessor(t *testing.T) {
	fsys := fstest.MapFS{"site.toml": {Data: []byte("title = \"T\"\n")}}
	files, _ := filepath.Glob("../../content/agencies/*.toml")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fsys["agencies/"+filepath.Base(f)] = &fstest.MapFile{Data: b}
	}
	set, err := Load(fsys)
	if err != nil || len(set.Authorities) < 7 {
		t.Fatalf("%d registries: %v", len(set.Authorities), err)
	}
	changed := map[string]bool{}
	for _, a := range set.Authorities {
		for _, ag := range a.Agencies {
			if _, why := reorganised(a, ag); why != "" {
				changed[a.ID+"/"+ag.ID] = true
				if ag.Successor == "" && !ag.SuccessorUnknown {
					t.Errorf("%s/%s (%s): %s, but it names no successor and does not say it is not known", a.ID, ag.ID, ag.Name, why)
				}
			}
		}
	}
	for _, key := range []string{
		"vinh-linh/ubnd-huyen", "vinh-linh/chu-tich-ubnd-huyen", "vinh-linh/vp-hdnd-ubnd", "vinh-linh/phong-noi-vu",
		"vinh-linh/co-quan-chuyen-mon-huyen", "vinh-linh/ubnd-tinh", "vinh-linh/vp-ubnd-tinh",
		"thua-thien-hue/ubnd-tinh", "thua-thien-hue/so-tu-phap", "thua-thien-hue/so-tttt", "thua-thien-hue/trung-tam-hcc-cap-huyen",
		"hue/so-tttt", "an-giang/so-ke-hoach-dau-tu", "an-giang/vp-ubnd-cap-huyen", "vinh-long/so-ldtbxh", "vinh-long/so-y-te",
	} {
		if !changed[key] {
			t.Errorf("%s: the check does not know its body changed in 2025", key)
		}
	}
	// Bodies that carry on: An Giang's registry is also the merged province's; Huế's
	// departments are today's; the provinces of today.
	for _, key := range []string{"an-giang/so-tu-phap", "an-giang/ubnd-tinh", "hue/so-khcn", "ca-nuoc/hue", "xa-vinh-linh/ubnd-xa"} {
		if changed[key] {
			t.Errorf("%s: taken for a body that changed", key)
		}
	}
	t.Logf("%d agencies changed in 2025", len(changed))
	if len(changed) < 40 {
		t.Errorf("%d agencies changed in 2025; the example has more", len(changed))
	}
	if err := Validate(set, nil); err != nil {
		t.Errorf("the example content does not validate:\n%v", err)
	}
}

// validateErrors loads content that reads without a problem and returns what Validate
// reports of it, one line an error.
func validateErrors(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(set, nil); err != nil {
		return strings.Split(err.Error(), "\n")
	}
	t.Fatal("no error")
	return nil
}
