jarva trend safe-evening-survey
jarva trend common-material
jarva trend --format=csv staff-safe-report
jarva trend safe-evening-survey --area=Husby --format json
