// PlanStore
