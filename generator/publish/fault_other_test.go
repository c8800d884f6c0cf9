//go:build !linux

package publish

import (
	"os"
	"testing"
)

func TestRealDiskFaults(t *testing.T) {
	const why = "the tests of a real full or read-only disk mount a tmpfs, which needs Linux"
	if os.Getenv("CONGKHAI_REQUIRE_FAULTS") != "" {
		t.Fatal("the disk fault tests are required (CONGKHAI_REQUIRE_FAULTS is set): " + why)
	}
	t.Skip(why)
}
