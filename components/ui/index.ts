/**
 * Small UI primitives shared by the panels, the popup and the options page. Each is a
 * plain Preact component styled with Tailwind classes only (no global CSS), so it renders
 * the same on an extension page and inside a shadow root. Wrap a tree in `<ThemeRoot>`
 * (theme and base typography) and, optionally, `<LocaleProvider locale>`; import
 * components/ui/theme.css in the stylesheet for the `dark:` variant's explicit themes.
 */
export { Badge, type BadgeProps } from './Badge';
export { Banner, type BannerProps } from './Banner';
export { Bar, type BarProps } from './Bar';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { Card, type CardProps, type HeadingLevel } from './Card';
export { Chip, type ChipProps } from './Chip';
export { cx } from './cx';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { ErrorState, type ErrorStateProps } from './ErrorState';
export { Icon, type IconName, type IconProps } from './icons';
export { LocaleProvider, localeTools, useLocale, type LocaleTools } from './locale';
export { Skeleton } from './Skeleton';
export { Spinner, type SpinnerProps } from './Spinner';
export { ThemeRoot, type Theme, type ThemeRootProps } from './ThemeRoot';
export { TONE_FILL, TONE_SOFT, TONE_STROKE, TONE_TEXT, type Tone } from './tone';
export { VisuallyHidden } from './VisuallyHidden';
