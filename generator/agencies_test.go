package generator_test

import (
	"testing"
)

// The example's agencies that the 2025 reorganisation changed lead to today's body, or say
// that it is not known: the district of Vĩnh Linh became xã Vĩnh Linh, Thừa Thiên Huế's
// departments became Huế's and then merged, and the bodies whose successor no source names
// (a district's offices, the Quảng Trị bodies, Vĩnh Long's) say "chưa xác định".
func TestExampleSuccessorsLeadToToday(t *testing.T) {
	site := exampleModel(t)
	byKey := map[string]string{} // agency -> today's body, "?" not known, "" no change
	for _, a := range site.Agencies {
		switch ch := a.Changes(); {
		case len(ch) == 0:
		case a.Today() == nil:
			byKey[a.Key] = "?"
		default:
			byKey[a.Key] = a.Today().Key
		}
	}
	for key, want := range map[string]string{
		"vinh-linh/ubnd-huyen":           "xa-vinh-linh/ubnd-xa",
		"vinh-linh/chu-tich-ubnd-huyen":  "xa-vinh-linh/chu-tich-ubnd-xa",
		"vinh-linh/phong-noi-vu":         "?",
		"vinh-linh/vp-hdnd-ubnd":         "?",
		"vinh-linh/ubnd-tinh":            "?",
		"vinh-linh/vp-ubnd-tinh":         "?",
		"thua-thien-hue/ubnd-tinh":       "ca-nuoc/hue",
		"thua-thien-hue/so-tu-phap":      "hue/so-tu-phap",
		"thua-thien-hue/so-tttt":         "hue/so-khcn",
		"thua-thien-hue/trung-tam-pvhcc": "hue/trung-tam-pvhcc",
		"an-giang/so-tttt":               "an-giang/so-khcn",
		"an-giang/vp-ubnd-cap-huyen":     "?",
		"vinh-long/so-ke-hoach-dau-tu":   "?", // into Sở Tài chính, then the province merged
		"vinh-long/ubnd-tinh":            "?",
		"an-giang/so-tu-phap":            "",
		"hue/so-khcn":                    "",
	} {
		if got := byKey[key]; got != want {
			t.Errorf("%s: today %q, want %q", key, got, want)
		}
	}
}
