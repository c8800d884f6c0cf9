package content

// KioskSettings is the [kiosk] table of site.toml: how the kiosk variant of the site
// (congkhai build --kiosk) treats a screen nobody touches. After IdleSeconds without a
// touch, a key or a scroll, the kiosk shows a warning that counts down WarningSeconds,
// with a "Tiếp tục" button; then it goes back to its home screen and forgets what the
// visitor typed, scrolled and opened. Nil fields take the defaults.
type KioskSettings struct {
	IdleSeconds    *int `toml:"idle_seconds"`
	WarningSeconds *int `toml:"warning_seconds"`
}

// The defaults of [kiosk]: two minutes of reading without a touch is long, and 30 seconds
// is more than the 20 that WCAG 2.2.1 asks for a visitor to say they are still there.
const (
	DefaultKioskIdle    = 120
	DefaultKioskWarning = 30
)

// Idle is the idle time of the kiosk, in seconds.
func (k KioskSettings) Idle() int {
	if k.IdleSeconds != nil {
		return *k.IdleSeconds
	}
	return DefaultKioskIdle
}

// Warning is how long the idle warning counts down, in seconds.
func (k KioskSettings) Warning() int {
	if k.WarningSeconds != nil {
		return *k.WarningSeconds
	}
	return DefaultKioskWarning
}
