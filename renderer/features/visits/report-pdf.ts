// The PDF's making lives with the report use cases; re-exported for the screens that save one.
export * from '../../use-cases/reports/report-pdf';
