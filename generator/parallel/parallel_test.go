package parallel

import (
	"errors"
	"fmt"
	"testing"
)

func TestDoCallsEachIndexOnceAndReportsTheFirstError(t *testing.T) {
	const n = 1000
	got := make([]int, n)
	err := Do(n, func(i int) error {
		got[i]++
		if i == 700 || i == 300 {
			return fmt.Errorf("fail %d", i)
		}
		return nil
	})
	for i, c := range got {
		if c != 1 {
			t.Fatalf("index %d called %d times", i, c)
		}
	}
	if err == nil || err.Error() != "fail 300" {
		t.Errorf("err = %v, want the lowest index's error", err)
	}
	if err := Do(0, func(int) error { return errors.New("never") }); err != nil {
		t.Errorf("Do(0) = %v", err)
	}
}
