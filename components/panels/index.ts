/**
 * The opportunity panels: each takes plain props (its part of `PanelData`), and
 * `<DealPanels panel>` composes them with the states. They render the same on the detail
 * page and inside a shadow root on a CRM page (Tailwind classes only; see components/ui).
 */
export { AccountPanel, healthWord, type AccountPanelProps } from './AccountPanel';
export { DealPanels, localIsoDate, type DealPanelsProps } from './DealPanels';
export { amountComparison, ForecastPanel, slipText, type ForecastPanelProps } from './ForecastPanel';
export { detailHref, detailLinkFor, personasHref, type PersonasLink } from './links';
export { OpportunityHeader, type OpportunityHeaderProps } from './OpportunityHeader';
export { DealPanelsSkeleton, NotEnoughData, NotFound, NotSynced, OutOfDateBanner, PanelError, type StateActions } from './PanelStates';
export { PersonaAvatar, type PersonaAvatarProps } from './PersonaAvatar';
export { RepeatBuyerPanel, type RepeatBuyerPanelProps } from './RepeatBuyerPanel';
export { SimilarPanel, type SimilarLink, type SimilarPanelProps } from './SimilarPanel';
export { formatPoints, WinPanel, type WinPanelProps } from './WinPanel';
