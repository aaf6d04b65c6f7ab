// The report's font lives with the report use cases; re-exported for the screens printing PDFs.
export * from '../../use-cases/reports/report-fonts';
