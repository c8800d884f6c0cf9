package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

func (osFS) exchange(a, b string) error {
	if err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE); err != nil {
		return &os.LinkError{Op: "renameat2", Old: a, New: b, Err: err}
	}
	return nil
}

// exchangeUnsupported tells whether exchange failed because the kernel (ENOSYS) or the file
// system (EINVAL; EOPNOTSUPP on some) cannot exchange, so that two renames must do.
func exchangeUnsupported(err error) bool {
	return errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.EOPNOTSUPP)
}
