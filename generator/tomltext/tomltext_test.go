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
