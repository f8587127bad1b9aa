-- The qualification saga now ends in the transaction of its LeadQualified event, where the lead also records the
-- outcome. Sagas stored by earlier versions only waited for that outcome event (their commands had all run), and
-- the saga no longer handles it, so they would stay forever: remove them.
DELETE FROM association_value_entry
WHERE saga_type = 'dev.leadqualification.command.qualification.QualificationSaga';
DELETE FROM saga_entry
WHERE saga_type = 'dev.leadqualification.command.qualification.QualificationSaga';
