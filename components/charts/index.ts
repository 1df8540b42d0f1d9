/** SVG charts in Preact: pure props in, no global CSS, hidden from assistive tech where a text equivalent sits beside them. */
export { Gauge, type GaugeProps } from './Gauge';
export { RangeChart, type MarkerShape, type RangeChartProps, type RangeMarker } from './RangeChart';
export { clampPosition, position, rangeDomain, type Domain, type ScaleKind } from './scale';
export { CalibrationChart, calibrationPoints, type CalibrationChartProps, type CalibrationPoint } from './CalibrationChart';
export { ColumnChart, columnRects, type Column, type ColumnChartProps, type ColumnRect } from './ColumnChart';
export { LineChart, linePoints, type LineChartProps, type LinePoint, type LineSeries } from './LineChart';
export { coord, countMax, DEFAULT_BOX, niceMax, plotX, plotY, ticks, type PlotBox } from './plot';
