package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The [kiosk] table of site.toml: its times are bounded, each reported at its value, and
// an absent one takes its default.
func TestKioskSettings(t *testing.T) {
	for _, tt := range []struct {
		name, text    string
		want          []string // prefixes of the errors, in order
		idle, warning int
	}{
		{"defaults", "title = \"T\"\n", nil, DefaultKioskIdle, DefaultKioskWarning},
		{"set", "title = \"T\"\n[kiosk]\nidle_seconds = 90\nwarning_seconds = 45\n", nil, 90, 45},
		{"bounds", "title = \"T\"\n[kiosk]\nidle_seconds = 5\nwarning_seconds = 20\n", nil, 5, 20},
		{"too short", "title = \"T\"\n[kiosk]\nidle_seconds = 4\nwarning_seconds = 19\n", []string{
			"site.toml:3:1: idle_seconds: 4 nằm ngoài 5..3600",
			"site.toml:4:1: warning_seconds: 19 nằm ngoài 20..600 (số giây đếm ngược của cảnh báo trước khi kiosk về trang chủ; WCAG 2.2.1 cần ít nhất 20 giây)",
		}, 0, 0},
		{"too long", "title = \"T\"\n\n[kiosk]\nwarning_seconds = 9223372036854775807\nidle_seconds = 3601\n", []string{
			"site.toml:4:1: warning_seconds: 9223372036854775807 nằm ngoài 20..600",
			"site.toml:5:1: idle_seconds: 3601 nằm ngoài 5..3600",
		}, 0, 0},
		{"unknown key", "title = \"T\"\n[kiosk]\nidle = 30\n", []string{`site.toml:3:1: khóa không hợp lệ "idle"`}, 0, 0},
		{"a text", "title = \"T\"\n[kiosk]\nidle_seconds = \"30\"\n", []string{"site.toml:3:"}, 0, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Load(fstest.MapFS{"site.toml": &fstest.MapFile{Data: []byte(tt.text)}})
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if err := Validate(set, nil); err != nil {
				got = append(got, strings.Split(err.Error(), "\n")...)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("got %q, want %q…", got[i], tt.want[i])
				}
			}
			if tt.want == nil {
				if k := set.Site.Kiosk; k.Idle() != tt.idle || k.Warning() != tt.warning {
					t.Errorf("idle %d, warning %d; want %d, %d", k.Idle(), k.Warning(), tt.idle, tt.warning)
				}
			}
		})
	}
}
