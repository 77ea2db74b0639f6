// PlanImport
