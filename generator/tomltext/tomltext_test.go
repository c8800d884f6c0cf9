package tomltext

import (
	"bytes"
	"testing"

	"github.com/BurntSushi/toml"
)

// Every string, written either way, decodes back to itself.
func TestRoundTrip(t *testing.T) {
	for _, s := range []string{"", "Sở Tư pháp", `a "quoted" \ back`, "tab\there", "line\nbreak", `ends with ""`, `"""`, "ctrl\x01\x7f", "\r\n"} {
		for name, write := range map[string]func(*bytes.Buffer, string){"Basic": Basic, "Multiline": Multiline} {
			var b bytes.Buffer
			b.WriteString("v = ")
			write(&b, s)
			var got struct{ V string }
			if _, err := toml.Decode(b.String(), &got); err != nil || got.V != s {
				t.Errorf("%s(%q) = %s decodes to %q, %v", name, s, b.String(), got.V, err)
			}
		}
	}
}

// Keys written with String, List and Lines decode to what was written; empty ones are left out.
func TestKeys(t *testing.T) {
	var b bytes.Buffer
	String(&b, "one", "Sở Tư pháp")
	String(&b, "two", "dòng một\ndòng \"hai\"")
	String(&b, "none", "")
	List(&b, "ids", []string{"vp-ubnd", "so-tu-phap"})
	Lines(&b, "texts", []string{"Báo cáo;", `"trích"`})
	List(&b, "empty", nil)
	var got struct {
		One, Two, None string
		IDs            []string `toml:"ids"`
		Texts, Empty   []string
	}
	md, err := toml.Decode(b.String(), &got)
	if err != nil || got.One != "Sở Tư pháp" || got.Two != "dòng một\ndòng \"hai\"" || len(got.IDs) != 2 || got.IDs[1] != "so-tu-phap" ||
		len(got.Texts) != 2 || got.Texts[1] != `"trích"` {
		t.Fatalf("%s decodes to %+v, %v", b.String(), got, err)
	}
	if md.IsDefined("none") || md.IsDefined("empty") {
		t.Errorf("empty values were written:\n%s", b.String())
	}
}
