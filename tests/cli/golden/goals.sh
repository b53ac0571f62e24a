jarva goals
jarva --format csv goals
jarva goals --format=json
