export * from '../../../shared/visit/visit-record';
