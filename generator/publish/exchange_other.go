//go:build !linux

package publish

import "errors"

// exchange is not done here: swap falls back on two renames.
func (osFS) exchange(a, b string) error { return errors.ErrUnsupported }

func exchangeUnsupported(err error) bool { return errors.Is(err, errors.ErrUnsupported) }
