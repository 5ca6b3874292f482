// Generated from the service's /openapi.json by `npx tsx scripts/web-types.ts`; do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 进程存活
         * @description **Who may call it:** anyone, no key.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 存储可用
         * @description **Who may call it:** anyone, no key.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/villages/{villageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 公开查询:本村(社区)的法律顾问与联系方式
         * @description **Who may call it:** anyone, no key.
         */
        get: operations["getPublicVillageCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 情景列表(新的在前,分页)
         * @description **Who may call it:** any key; lists the scenarios that contain the key’s region (all for admin).
         */
        get: operations["listScenarios"];
        put?: never;
        /**
         * 上传情景(ovola.scenario/v1 JSON,或按模板填写的 Excel 工作簿)
         * @description The body is an ovola.scenario/v1 document (data/schema/scenario.v1.json), or a workbook as `GET /v1/templates/scenario.xlsx` gives it (`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`: sheets 情景, 镇街, 律所, 律师, 村(社区), 意向与回避, 现任顾问; see docs/WORKBOOK.md). Without 镇街 rows the towns come from the divisions registry. It is checked as a whole; every problem comes back at once with its path: a workbook's as `sheet!row!column` (`律师!12!执业状态`), its message naming them (`律师 表第 12 行「执业状态」:…`).
         *
         *     **Who may call it:** admin; a city or county key when every village of the new scenario lies in its region.
         */
        post: operations["createScenario"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scenarios/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 情景概要
         * @description **Who may call it:** admin; a key whose region the scenario contains (a county reads a city-wide scenario that contains it).
         */
        get: operations["getScenario"];
        put?: never;
        post?: never;
        /**
         * 删除情景及其方案、日历与任务;其方案发布的公开信息随即撤下
         * @description **Who may call it:** admin; a city or county key when every village of the scenario lies in its region.
         */
        delete: operations["deleteScenario"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scenarios/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 情景文档(ovola.scenario/v1)
         * @description **Who may call it:** admin; a key whose region the scenario contains (a county reads a city-wide scenario that contains it).
         */
        get: operations["getScenarioDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scenarios/{id}.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 情景工作簿(Excel XLSX):律所、律师、村(社区)、镇街、意向与回避、现任顾问等,可修改后重新上传
         * @description The scenario as the workbook POST /v1/scenarios reads back into the same scenario (region boundaries are left out). Sheets: 情景, 镇街, 律所, 律师, 村(社区), 意向与回避, 现任顾问, and 固定分配 / 路程 when it has pins or travel overrides.
         *
         *     **Who may call it:** admin; a key whose region the scenario contains (a county reads a city-wide scenario that contains it).
         */
        get: operations["getScenarioWorkbook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/scenario.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 情景工作簿模板(Excel XLSX):各表的中文表头、一行示例与下拉选项
         * @description A blank workbook to fill in and send to POST /v1/scenarios: sheets 情景, 镇街, 律所, 律师, 村(社区), 意向与回避, 现任顾问, each with its headers (a note on each says what it takes), one example row, and drop-down lists where a column takes fixed values.
         *
         *     **Who may call it:** any key.
         */
        get: operations["getScenarioTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scenarios/{id}/solutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 情景的方案列表(新的在前)
         * @description **Who may call it:** admin; a key whose region the scenario contains (a county reads a city-wide scenario that contains it).
         */
        get: operations["listScenarioSolutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scenarios/{id}/solve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交求解任务(异步)
         * @description **Who may call it:** admin; a city or county key when every village of the scenario lies in its region.
         */
        post: operations["solveScenario"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 任务(求解、重排、走访日历)的状态与进度
         * @description **Who may call it:** whoever may read its scenario.
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        /**
         * 取消任务
         * @description **Who may call it:** admin; the key’s region holds the job’s submitter or the whole scenario.
         */
        delete: operations["cancelJob"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/solutions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 方案(ovola.solution/v1,附 id、scenarioId、createdAt、publishedVillages)
         * @description **Who may call it:** whoever may read its scenario.
         */
        get: operations["getSolution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/solutions/{id}/blocking-pairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 方案的阻塞对(分页):按村(社区)编号、律师编号排序
         * @description The solution’s `blockingPairs` a page at a time, `[villageId, lawyerId]` sorted by village id then lawyer id (UTF-16 code units). `limit` pairs per page (1000 by default, at most 10000); pass the answer’s `next` as `after` for the next page, until an answer has no `next`.
         *
         *     **Who may call it:** whoever may read its scenario.
         */
        get: operations["listBlockingPairs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/solutions/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 发布方案:本辖区所属村(社区)的公开信息改为此方案,其他村(社区)不变
         * @description Each village of the solution’s scenario whose public card the key may publish now shows this plan: the village’s owner county (the divisions registry’s, else the county that first published it) must lie in the key’s region and be the county this scenario puts the village in; a village no county owns yet is claimed for that county. Every other card stays as it was, and is listed in `skipped`.
         *
         *     **Who may call it:** read the solution; covers only the villages whose owner county lies in the key’s region, every other card stays as it was.
         */
        post: operations["publishSolution"];
        /**
         * 撤销发布:撤下此方案在本辖区提供的公开信息(立即生效)
         * @description The cards this solution supplies for villages whose owner county lies in the key’s region leave the public look-up at once.
         *
         *     **Who may call it:** read the solution; covers only the villages whose owner county lies in the key’s region, every other card stays as it was.
         */
        delete: operations["unpublishSolution"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/solutions/{id}/publish-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 发布预览:发布此方案将改变哪些村(社区)的公开信息(不作任何改动)
         * @description What `POST /v1/solutions/:id/publish` would do now for this key, decided under the same rules and lock, with nothing written: each village whose public card would change, its card in force and the card this plan gives, and the villages that would be skipped.
         *
         *     **Who may call it:** read the solution; covers only the villages whose owner county lies in the key’s region, every other card stays as it was.
         */
        get: operations["previewPublication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/solutions/{id}.geojson": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 方案地图(GeoJSON):村(社区)、律师服务基地、顾问→村连线
         * @description A FeatureCollection; `properties.layer` tells the three kinds of feature apart. `village` (Point): id, name, kind, town, county, adviserId, adviser, firmId, firm, team, km, uncoveredReason, uncoveredDetail. `lawyer-base` (Point, the lawyer's base or else the firm's address): id, name, status, firmId, firm, load (villages in any role), cap, pairedAssistance. `assignment` (LineString, base → village): villageId, village, lawyerId, lawyer, km (road km of the responsible adviser).
         *
         *     **Who may call it:** whoever may read its scenario.
         */
        get: operations["exportSolutionGeoJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/solutions/{id}.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 方案表格(CSV,UTF-8 带 BOM,Excel 可直接打开)
         * @description One row per village of the scenario, as a bureau files it: 县(市、区), 镇(街道), 村(社区), 法律顾问, 律师事务所, 联系电话, 团队成员 (names joined with 、), 距离(公里) (road km of the adviser), 未覆盖原因 (why a village has no adviser; its adviser cells are then empty), 村(社区)编号.
         *
         *     **Who may call it:** whoever may read its scenario.
         */
        get: operations["exportSolutionCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/solutions/{id}.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 方案表格(Excel XLSX)
         * @description One row per village of the scenario, as a bureau files it: 县(市、区), 镇(街道), 村(社区), 法律顾问, 律师事务所, 联系电话, 团队成员 (names joined with 、), 距离(公里) (road km of the adviser), 未覆盖原因 (why a village has no adviser; its adviser cells are then empty), 村(社区)编号.
         *
         *     **Who may call it:** whoever may read its scenario.
         */
        get: operations["exportSolutionXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scenarios/{id}/import/lawyers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 从 CSV / XLSX 导入律师名单(生成新版本情景)
         * @description The body is a sheet with one lawyer per row: `text/csv` (UTF-8, with or without BOM; GB18030 as Excel writes it is read too) or `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (the first sheet with content). The header row is the first of the first ten rows with two known column names; headers may be Chinese or English, columns 序号 and 备注 are ignored, any other unknown column is refused. Columns:
         *
         *     - 编号 / id (also 律师编号, lawyerId): the lawyer's id, unique (required)
         *     - 姓名 / name (also 律师姓名): name (required)
         *     - 律师事务所编号 / firmId (also 律所编号): id of a firm in the scenario (required: this or 律师事务所)
         *     - 律师事务所 / firm (also 律所, 所属律师事务所, firmName): or the firm's name, when unique in the scenario (required: this or 律师事务所编号)
         *     - 执业状态 / status (also 状态): 执业 or 实习 (practicing / intern) (required)
         *     - 专长 / specialties (also 专业领域, 擅长领域): separated by 、
         *     - 电话 / phone (also 联系电话, 手机, 手机号码): shown on public notices
         *     - 邮箱 / email (also 电子邮箱, e-mail): shown on public notices
         *     - 微信 / wechat (also 微信号): shown on public notices
         *     - 服务上限 / maxVillages (also 最多服务村数): a lower personal cap (R1), whole number
         *     - 每月服务小时 / monthlyHours: hours a month the lawyer can give
         *     - 对口支援 / pairedAssistance: 是 or 否 (R7)
         *     - 经度 / lon (also lng, longitude): service base, when not the firm's address (R7)
         *     - 纬度 / lat (also latitude): service base, with 经度
         *     - 不可服务日期 / unavailable: dates (2026-05-01, 2026/5/1, 2026年5月1日), separated by 、
         *
         *     `mode=replace` (default) swaps the scenario's lawyers for the sheet's; soft data that named lawyers no longer there (preferences, baseline entries, travel overrides) is dropped and counted in `import.pruned`; pins stay and must still hold. `mode=append` adds the rows after the existing lawyers. The result is a NEW scenario version (parentId = :id), checked as a whole. Every bad cell comes back at once as 422 problem+json, `errors[].path` = "row 12, column 执业状态" (rows as the sheet shows them, the header being row 1 when it is on top); problems the scenario check finds in imported rows are pointed back at their row and column, others keep their scenario path.
         *
         *     **Who may call it:** read the scenario; a city or county key only changes villages, lawyers and firms in its region (policy, year and notice only when the whole scenario is).
         */
        post: operations["importLawyers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scenarios/{id}/import/villages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 从 CSV / XLSX 导入村(社区)名单(生成新版本情景)
         * @description The body is a sheet with one village per row: `text/csv` (UTF-8, with or without BOM; GB18030 as Excel writes it is read too) or `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (the first sheet with content). The header row is the first of the first ten rows with two known column names; headers may be Chinese or English, columns 序号 and 备注 are ignored, any other unknown column is refused. Columns:
         *
         *     - 编号 / id (also 村(社区)编号, villageId): the village's id, unique (required)
         *     - 名称 / name (also 村(社区), 村(社区)名称, 村名): name (required)
         *     - 镇街编号 / townId (also 镇(街道)编号): id of a town in the scenario (required: this or 镇(街道))
         *     - 镇(街道) / town (also 镇街, 所属镇街): or the town's name, when unique in the scenario (required: this or 镇街编号)
         *     - 类型 / kind: 村 or 社区 (village / community) (required)
         *     - 经度 / lon (also lng, longitude): location (required)
         *     - 纬度 / lat (also latitude): location (required)
         *     - 人口 / population (also 户籍人口): whole number
         *     - 需求 / needs (also 法律需求): legal fields wanted, separated by 、 (R3)
         *     - 服务模式 / serviceMode: 标准 or 弹性 (standard / flexible, R10)
         *     - 夜校每月 / eveningSchoolPerMonth (also 法律夜校每月): evening legal-school visits a month, 0–31 (R12)
         *     - 周末每月 / weekendPerMonth: weekend visits a month, 0–10 (R12)
         *
         *     `mode=replace` (default) swaps the scenario's villages for the sheet's; soft data that named villages no longer there (preferences, baseline entries, travel overrides) is dropped and counted in `import.pruned`; pins stay and must still hold. `mode=append` adds the rows after the existing villages. The result is a NEW scenario version (parentId = :id), checked as a whole. Every bad cell comes back at once as 422 problem+json, `errors[].path` = "row 12, column 执业状态" (rows as the sheet shows them, the header being row 1 when it is on top); problems the scenario check finds in imported rows are pointed back at their row and column, others keep their scenario path.
         *
         *     **Who may call it:** read the scenario; a city or county key only changes villages, lawyers and firms in its region (policy, year and notice only when the whole scenario is).
         */
        post: operations["importVillages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scenarios/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 由变更生成情景新版本:替换、移除、新增律师,修改村(社区),调整政策
         * @description Applies the changes in order to the scenario and stores the result as a new scenario whose parentId is this one. replace-lawyer hands the old lawyer’s baseline entries, pins and ranking places to the replacement. Every problem is reported with its path, e.g. changes[2].lawyerId.
         *
         *     **Who may call it:** read the scenario; a city or county key only changes villages, lawyers and firms in its region (policy, year and notice only when the whole scenario is).
         */
        post: operations["createScenarioVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/solutions/{id}/replan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 替换律师后重排(R6):按变更生成新版本,只在指定县内调整,提交求解任务
         * @description Makes a new scenario version from the solution’s scenario: the changes applied, the solution as baseline (lawyers carried through replace-lawyer; a removed lawyer’s villages stay in the baseline as vacated), every village outside `scope` pinned to its current adviser. Then solves it (202 + job). Pins that cannot hold come back as 422 with their paths.
         *
         *     **Who may call it:** read the solution; the re-plan scope is capped at the key’s county (a city key: a county of its city) and the changes follow the version rule.
         */
        post: operations["replanSolution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 比较两个方案:指标并列,列出更换顾问的村(社区)
         * @description `moved` lists every village whose adviser differs between a (before) and b (after); `from`/`to` are lawyer ids, null when uncovered. Deltas are b − a.
         *
         *     **Who may call it:** whoever may read both solutions.
         */
        get: operations["compareSolutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/solutions/{id}/villages/{villageId}/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 解释一个村(社区)的顾问:配对代价分项,其他候选律师及落选原因
         * @description The adviser first, with the pair cost of docs/MODEL.md split into travel, village rank, lawyer rank and change; then every practicing lawyer within maxTravelKm who may serve the village, cheapest first, each with why they lost; then the nearest who may not (interns, other city, vetoed, beyond range).
         *
         *     **Who may call it:** whoever may read its scenario.
         */
        get: operations["explainVillage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/solutions/{id}/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 方案的走访日历列表(新的在前)
         * @description **Who may call it:** whoever may read its scenario.
         */
        get: operations["listCalendars"];
        put?: never;
        /**
         * 生成走访日历(异步任务):每村每月的现场服务、法律夜校、周末服务与远程服务
         * @description Builds an ovola.calendar/v1 for the solution in a job (202 + job; poll `GET /v1/jobs/:jobId`, whose `calendarId` names the result). Holidays: the official table loaded for `year` (`PUT /v1/holidays/:year`), else the one ovola ships, else a computed one — then the calendar is `provisional`. `months` (each `YYYY-MM` of `year`) limit it to those months; the whole year by default. A city or county key builds the calendar of the villages in its own region (`scope`); an admin the whole solution’s.
         *
         *     **Who may call it:** read the solution; a city or county key builds the calendar of its own region’s villages.
         */
        post: operations["createCalendar"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendars/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 走访日历(ovola.calendar/v1,附 id、solutionId、scenarioId、createdAt)
         * @description **Who may call it:** whoever may read its solution.
         */
        get: operations["getCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendars/{id}.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 走访日历表格(CSV,UTF-8,Excel 可直接打开)
         * @description One row per visit in time order, UTF-8 with a byte-order mark: 日期, 星期, 开始, 结束, 服务方式 (驻村现场服务, 法律夜校, 周末现场服务, 远程法律服务), 活动 (R13: 乡村振兴法治课, 矛盾纠纷排查, 涉农法律咨询), 村(社区), 村(社区)编号, 镇(街道), 律师, 律师编号, 律师事务所, 联系电话.
         *
         *     **Who may call it:** whoever may read its solution.
         */
        get: operations["exportCalendarCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendars/{id}/lawyers/{lawyerId}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 律师的走访日历(iCalendar,可导入手机日历)
         * @description **Who may call it:** whoever may read its solution.
         */
        get: operations["getLawyerIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendars/{id}/villages/{villageId}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 村(社区)的法律顾问走访日历(iCalendar)
         * @description **Who may call it:** whoever may read its solution.
         */
        get: operations["getVillageIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holidays/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 某年的法定节假日与调休上班日(现行表;无官方表时为推算,标 provisional)
         * @description **Who may call it:** any key.
         */
        get: operations["getHolidays"];
        /**
         * 载入某年的官方节假日表(ovola.holidays/v1,仅管理员);此后该年的日历不再是推算的
         * @description The body is an ovola.holidays/v1 table for the year in the path: `holidays` (days off) and `workdays` (make-up working days, 调休). Calendars built afterwards for that year use it and are not provisional; calendars built before stay as they are.
         *
         *     **Who may call it:** admin only.
         */
        put: operations["putHolidays"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/divisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 行政区划登记的概况
         * @description **Who may call it:** any key.
         */
        get: operations["getDivisions"];
        /**
         * 载入行政区划登记(ovola.divisions/v1,仅管理员):市、县、镇街与村(社区)
         * @description Replaces the registry. From then on a registered village belongs to the county the registry puts it in: only that county (or its city, or an admin) publishes its card, and a scenario that places a registered village in another town, or a registered region under another parent, is refused with the path. Cards of registered villages published by another county are withdrawn (`withdrawn`).
         *
         *     **Who may call it:** admin only.
         */
        put: operations["putDivisions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/divisions/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 行政区划登记文档(ovola.divisions/v1)
         * @description **Who may call it:** any key.
         */
        get: operations["getDivisionsDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/villages/{villageId}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 村(社区)公开信息的归属县(区)
         * @description **Who may call it:** any key.
         */
        get: operations["getVillageOwner"];
        /**
         * 把未登记的村(社区)划归另一县(区)(仅管理员);其他县发布的公开信息随即撤下
         * @description **Who may call it:** admin only.
         */
        put: operations["setVillageOwner"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API 密钥列表(新的在前,分页;含已吊销的;仅管理员)
         * @description Every key, revoked ones too, newest first; never the key itself. `lastUsedAt` is written at most once a minute.
         *
         *     **Who may call it:** admin only.
         */
        get: operations["listKeys"];
        put?: never;
        /**
         * 新建 API 密钥(仅此一次显示密钥;仅管理员)
         * @description Makes a key for a bureau: `scope` is `admin`, `city:<code>` or `county:<code>` (the key sees and changes only that region), `label` names its holder. The answer carries the key itself, shown this once: only its hash is stored.
         *
         *     **Who may call it:** admin only.
         */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * 吊销 API 密钥(下一个请求起即失效;仅管理员)
         * @description The key authenticates no request from now on (401); it stays listed with `revokedAt`. Revoking it again is fine.
         *
         *     **Who may call it:** admin only.
         */
        delete: operations["revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 审计记录:每次写操作的时间、密钥、路由、对象、地区与结果(新的在前,分页;仅管理员)
         * @description One row per write through the API (every method but GET and HEAD under /v1/, the public look-up aside; refused ones too) and per key made or revoked with the CLI. Filters: `region` (city or county code), `keyId`, `from` (inclusive) and `to` (exclusive) as ISO-8601 timestamps.
         *
         *     **Who may call it:** admin only.
         */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 当前密钥:标签与权限范围
         * @description **Who may call it:** any key.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices/{countyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 县(市、区)公示:本县各村(社区)现行的公开信息,供打印张贴
         * @description **Who may call it:** any key.
         */
        get: operations["getCountyNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * ovola.scenario/v1
         * @description ovola.scenario/v1: data/schema/scenario.v1.json
         */
        Scenario: {
            /** @constant */
            schema: "ovola.scenario/v1";
            name: string;
            year: number;
            /** @enum {string} */
            crs?: "wgs84" | "gcj02" | "bd09";
            /** @default {} */
            policy: {
                /** @default 8 */
                maxVillagesPerLawyer: number;
                /** @default individual */
                mode: ("individual" | "team" | "firm-town") | {
                    [key: string]: "individual" | "team" | "firm-town";
                };
                /** @default 80 */
                maxTravelKm: number;
                /** @default 20 */
                candidatesPerVillage: number;
                /** @default {} */
                travel: {
                    /** @default 1.3 */
                    detourFactor: number;
                    /** @default 40 */
                    speedKmh: number;
                };
                /** @default {} */
                team: {
                    /** @default 3 */
                    maxSize: number;
                };
                /** @default {} */
                firmTown: {
                    /** @default 3 */
                    maxTownsPerFirm: number;
                    /** @default 15 */
                    adjacencyKm: number;
                };
                /** @default {} */
                weights: {
                    /** @default 1 */
                    travelKm: number;
                    /** @default 10 */
                    villagePreference: number;
                    /** @default 5 */
                    lawyerPreference: number;
                    /** @default 30 */
                    change: number;
                    /** @default 2 */
                    load: number;
                    /** @default 1000000 */
                    uncovered: number;
                    /** @default 0.5 */
                    teamMember: number;
                };
                /** @default {} */
                service: {
                    /** @default 8 */
                    monthlyHours: number;
                    /** @default 1 */
                    minOnsiteVisitsPerMonth: number;
                    /** @default 0.5 */
                    maxRemoteShare: number;
                    /** @default 50 */
                    flexibleHalfYearOnsiteHours: number;
                    /** @default {} */
                    eveningSchool: {
                        /** @default 19:30 */
                        start: string;
                        /** @default 21:30 */
                        end: string;
                    };
                };
            };
            regions: {
                id: string;
                name: string;
                /** @enum {string} */
                level: "city" | "county" | "town";
                parentId?: string;
                /** @enum {string} */
                class?: "prd" | "less-developed";
                location?: [
                    number,
                    number
                ];
                boundary?: {
                    /** @constant */
                    type: "Polygon";
                    coordinates: [
                        number,
                        number
                    ][][];
                } | {
                    /** @constant */
                    type: "MultiPolygon";
                    coordinates: [
                        number,
                        number
                    ][][][];
                };
                contact?: {
                    bureau: string;
                    phone: string;
                    email: string;
                };
            }[];
            firms: {
                id: string;
                name: string;
                location: [
                    number,
                    number
                ];
                regionId: string;
            }[];
            lawyers: {
                id: string;
                name: string;
                firmId: string;
                /** @enum {string} */
                status: "practicing" | "intern";
                /** @default [] */
                specialties: string[];
                base?: [
                    number,
                    number
                ];
                maxVillages?: number;
                monthlyHours?: number;
                unavailable?: string[];
                pairedAssistance?: boolean;
                contact?: {
                    phone?: string;
                    email?: string;
                    wechat?: string;
                };
            }[];
            villages: {
                id: string;
                name: string;
                townId: string;
                /** @enum {string} */
                kind: "village" | "community";
                location: [
                    number,
                    number
                ];
                population?: number;
                needs?: string[];
                /** @enum {string} */
                serviceMode?: "standard" | "flexible";
                requests?: {
                    /** @default 0 */
                    eveningSchoolPerMonth: number;
                    /** @default 0 */
                    weekendPerMonth: number;
                };
            }[];
            /** @default {} */
            preferences: {
                /** @default [] */
                villages: {
                    villageId: string;
                    lawyers?: string[];
                    firms?: string[];
                    vetoes?: string[];
                }[];
                /** @default [] */
                lawyers: {
                    lawyerId: string;
                    villages?: string[];
                    vetoes?: string[];
                }[];
            };
            /** @default [] */
            pins: {
                villageId: string;
                lawyerId: string;
            }[];
            /** @default [] */
            baseline: {
                villageId: string;
                lawyerId: string;
                team?: string[];
            }[];
            /** @default [] */
            travelOverrides: {
                lawyerId: string;
                villageId: string;
                km: number;
                minutes?: number;
            }[];
            notice?: {
                serviceContent: string;
                complaintEmail: string;
            };
        };
        /**
         * ovola.solution/v1
         * @description ovola.solution/v1: data/schema/solution.v1.json
         */
        Solution: {
            /** @constant */
            schema: "ovola.solution/v1";
            scenarioName?: string;
            /**
             * @default optimal
             * @enum {string}
             */
            method: "optimal" | "stable-village-proposing" | "stable-lawyer-proposing";
            /** @default individual */
            mode: ("individual" | "team" | "firm-town") | {
                [key: string]: "individual" | "team" | "firm-town";
            };
            /** @enum {string} */
            status: "optimal" | "feasible" | "infeasible";
            weights: {
                /** @default 1 */
                travelKm: number;
                /** @default 10 */
                villagePreference: number;
                /** @default 5 */
                lawyerPreference: number;
                /** @default 30 */
                change: number;
                /** @default 2 */
                load: number;
                /** @default 1000000 */
                uncovered: number;
                /** @default 0.5 */
                teamMember: number;
            };
            assignments: {
                villageId: string;
                lawyerId: string;
                /** @default [] */
                team: string[];
                firmId: string;
                travelKm: number;
                missingNeeds?: string[];
            }[];
            firmTowns?: {
                townId: string;
                firmId: string;
            }[];
            teams?: {
                id: string;
                firmId: string;
                members: string[];
                villages: string[];
            }[];
            uncovered: {
                villageId: string;
                /** @enum {string} */
                reason: "no-practicing-lawyer-in-range" | "vetoed-all" | "all-candidates-at-cap" | "town-without-firm";
                detail: string;
            }[];
            changes?: {
                vacated: {
                    villageId: string;
                    lawyerId: string;
                }[];
            };
            metrics: {
                objective: number;
                bound: number;
                gap: number;
                travelKm: {
                    total: number;
                    mean: number;
                    p95: number;
                    max: number;
                };
                load: {
                    histogram: {
                        [key: string]: number;
                    };
                    max: number;
                };
                preferences: {
                    villageRankHistogram: {
                        [key: string]: number;
                    };
                    lawyerRankHistogram: {
                        [key: string]: number;
                    };
                    blockingPairs: {
                        count: number;
                        villages: number;
                    };
                };
                changes: {
                    vsBaseline: number;
                    byCounty: {
                        [key: string]: number;
                    };
                    /** @default 0 */
                    vacated: number;
                };
                solveMs: number;
                optimalTravelKm?: number;
                stable?: {
                    uncoveredCoveredByOptimum: number;
                };
                candidatePairs?: number;
                pricingRounds?: number;
            };
            /** @default [] */
            blockingPairs: [
                string,
                string
            ][];
        };
        /**
         * ovola.calendar/v1
         * @description ovola.calendar/v1: data/schema/calendar.v1.json
         */
        Calendar: {
            /** @constant */
            schema: "ovola.calendar/v1";
            year: number;
            months: string[];
            /** @default false */
            provisional: boolean;
            visits: {
                lawyerId: string;
                villageId: string;
                /** Format: date */
                date: string;
                start: string;
                end: string;
                /** @enum {string} */
                kind: "onsite" | "evening-school" | "weekend" | "remote";
                /** @enum {string} */
                activity?: "law-class" | "dispute-screening" | "consultation";
            }[];
            summary: {
                villageId: string;
                month: string;
                onsiteHours: number;
                remoteHours: number;
                onsiteVisits: number;
                eveningSchool: number;
                weekend: number;
            }[];
            /** @default [] */
            shortfalls: {
                /** @enum {string} */
                rule: "R1" | "R2" | "R3" | "R4" | "R5" | "R6" | "R7" | "R8" | "R9" | "R10" | "R11" | "R12" | "R13" | "R14" | "R15" | "COVERAGE" | "TRAVEL" | "METRICS" | "REFERENCE" | "SCHEDULE";
                villageId?: string;
                lawyerId?: string;
                month?: string;
                detail: string;
            }[];
        };
        /**
         * ovola.divisions/v1
         * @description ovola.divisions/v1: data/schema/divisions.v1.json
         */
        Divisions: {
            /** @constant */
            schema: "ovola.divisions/v1";
            name?: string;
            /** @enum {string} */
            crs?: "wgs84" | "gcj02" | "bd09";
            regions: {
                id: string;
                name: string;
                /** @enum {string} */
                level: "city" | "county" | "town";
                parentId?: string;
                location?: [
                    number,
                    number
                ];
                boundary?: {
                    /** @constant */
                    type: "Polygon";
                    coordinates: [
                        number,
                        number
                    ][][];
                } | {
                    /** @constant */
                    type: "MultiPolygon";
                    coordinates: [
                        number,
                        number
                    ][][][];
                };
            }[];
            villages: {
                id: string;
                name: string;
                townId: string;
                /** @enum {string} */
                kind?: "village" | "community";
                location: [
                    number,
                    number
                ];
            }[];
        };
        /**
         * ovola.holidays/v1
         * @description ovola.holidays/v1: data/schema/holidays.v1.json
         */
        HolidayTable: {
            /** @constant */
            schema: "ovola.holidays/v1";
            year: number;
            holidays: string[];
            workdays: string[];
            source?: string;
        };
        /**
         * ovola.solution/v1 (stored)
         * @description ovola.solution/v1 as stored, with id, scenarioId, createdAt, publishedVillages in front
         */
        SolutionRecord: {
            id: string;
            scenarioId: string;
            createdAt: string;
            publishedVillages: number;
            /** @constant */
            schema: "ovola.solution/v1";
            scenarioName?: string;
            /**
             * @default optimal
             * @enum {string}
             */
            method: "optimal" | "stable-village-proposing" | "stable-lawyer-proposing";
            /** @default individual */
            mode: ("individual" | "team" | "firm-town") | {
                [key: string]: "individual" | "team" | "firm-town";
            };
            /** @enum {string} */
            status: "optimal" | "feasible" | "infeasible";
            weights: {
                /** @default 1 */
                travelKm: number;
                /** @default 10 */
                villagePreference: number;
                /** @default 5 */
                lawyerPreference: number;
                /** @default 30 */
                change: number;
                /** @default 2 */
                load: number;
                /** @default 1000000 */
                uncovered: number;
                /** @default 0.5 */
                teamMember: number;
            };
            assignments: {
                villageId: string;
                lawyerId: string;
                /** @default [] */
                team: string[];
                firmId: string;
                travelKm: number;
                missingNeeds?: string[];
            }[];
            firmTowns?: {
                townId: string;
                firmId: string;
            }[];
            teams?: {
                id: string;
                firmId: string;
                members: string[];
                villages: string[];
            }[];
            uncovered: {
                villageId: string;
                /** @enum {string} */
                reason: "no-practicing-lawyer-in-range" | "vetoed-all" | "all-candidates-at-cap" | "town-without-firm";
                detail: string;
            }[];
            changes?: {
                vacated: {
                    villageId: string;
                    lawyerId: string;
                }[];
            };
            metrics: {
                objective: number;
                bound: number;
                gap: number;
                travelKm: {
                    total: number;
                    mean: number;
                    p95: number;
                    max: number;
                };
                load: {
                    histogram: {
                        [key: string]: number;
                    };
                    max: number;
                };
                preferences: {
                    villageRankHistogram: {
                        [key: string]: number;
                    };
                    lawyerRankHistogram: {
                        [key: string]: number;
                    };
                    blockingPairs: {
                        count: number;
                        villages: number;
                    };
                };
                changes: {
                    vsBaseline: number;
                    byCounty: {
                        [key: string]: number;
                    };
                    /** @default 0 */
                    vacated: number;
                };
                solveMs: number;
                optimalTravelKm?: number;
                stable?: {
                    uncoveredCoveredByOptimum: number;
                };
                candidatePairs?: number;
                pricingRounds?: number;
            };
            /** @default [] */
            blockingPairs: [
                string,
                string
            ][];
        };
        /**
         * ovola.calendar/v1 (stored)
         * @description ovola.calendar/v1 as stored, with id, solutionId, scenarioId, createdAt in front
         */
        CalendarRecord: {
            id: string;
            solutionId: string;
            scenarioId: string;
            createdAt: string;
            /** @constant */
            schema: "ovola.calendar/v1";
            year: number;
            months: string[];
            /** @default false */
            provisional: boolean;
            visits: {
                lawyerId: string;
                villageId: string;
                /** Format: date */
                date: string;
                start: string;
                end: string;
                /** @enum {string} */
                kind: "onsite" | "evening-school" | "weekend" | "remote";
                /** @enum {string} */
                activity?: "law-class" | "dispute-screening" | "consultation";
            }[];
            summary: {
                villageId: string;
                month: string;
                onsiteHours: number;
                remoteHours: number;
                onsiteVisits: number;
                eveningSchool: number;
                weekend: number;
            }[];
            /** @default [] */
            shortfalls: {
                /** @enum {string} */
                rule: "R1" | "R2" | "R3" | "R4" | "R5" | "R6" | "R7" | "R8" | "R9" | "R10" | "R11" | "R12" | "R13" | "R14" | "R15" | "COVERAGE" | "TRAVEL" | "METRICS" | "REFERENCE" | "SCHEDULE";
                villageId?: string;
                lawyerId?: string;
                month?: string;
                detail: string;
            }[];
        };
        /** @description RFC 9457 problem details. Titles, details and messages are Chinese unless Accept-Language puts English first. */
        Problem: {
            /** @description always about:blank */
            type: string;
            /** @description the status in words, e.g. 请求有误 */
            title: string;
            status: number;
            /** @description what went wrong */
            detail?: string;
            /** @description the path of the request */
            instance?: string;
            /** @description bad input: every failing field, with its path */
            errors?: {
                /** @description e.g. body.villages[3].townId, querystring.limit, row 12, column 执业状态 */
                path: string;
                message: string;
                /** @description a stable English code, e.g. too_big, unknown_reference */
                code: string;
                value?: unknown;
            }[];
            /** @description problems found in all (errors lists the first 1,000) */
            errorCount?: number;
            /** @description the bound that was passed (a body size in bytes, a number of jobs) */
            limit?: number;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/healthz",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/healthz"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/readyz",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/readyz"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/readyz",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicVillageCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                villageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        village: {
                            id: string;
                            name: string;
                            town?: string;
                            county?: string;
                            city?: string;
                        };
                        adviser: {
                            name: string;
                            firm: string;
                            phone?: string;
                            email?: string;
                            wechat?: string;
                        } | null;
                        serviceContent: string;
                        serviceTimes: string;
                        nextVisits: {
                            date: string;
                            weekday: string;
                            start: string;
                            end: string;
                            /** @enum {string} */
                            kind: "onsite" | "evening-school" | "weekend" | "remote";
                            kindName: string;
                        }[];
                        supervisingBureau: {
                            bureau: string;
                            phone: string;
                            email: string;
                        } | null;
                        complaintEmail: string | null;
                        publishedBy: string;
                        publishedAt: string;
                    };
                };
            };
            /** @description not modified: the card has the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/public/villages/villageId",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/public/villages/villageId",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求过多(任务队列已满或超出频率限制),稍后再试 */
            429: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求过多",
                     *       "status": 429,
                     *       "instance": "/v1/public/villages/villageId",
                     *       "detail": "该密钥已有 4 个任务排队或运行,已达单个密钥的上限;请等待其中一个结束",
                     *       "limit": 4
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/public/villages/villageId"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/public/villages/villageId",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listScenarios: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            parentId: string | null;
                            name: string;
                            createdAt: string;
                            regions: string[];
                            summary: unknown;
                        }[];
                        nextCursor?: string;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createScenario: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Scenario"];
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        name: string;
                        createdAt: string;
                        regions: string[];
                        summary: unknown;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/scenarios",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/scenarios",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/scenarios",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 文档或变更有误(errors 列出每处问题及其路径) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容有误,无法处理",
                     *       "status": 422,
                     *       "instance": "/v1/scenarios",
                     *       "detail": "情景有 1 处问题",
                     *       "errors": [
                     *         {
                     *           "path": "villages[3].townId",
                     *           "message": "unknown town T9",
                     *           "code": "unknown_reference"
                     *         }
                     *       ],
                     *       "errorCount": 1
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScenario: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        name: string;
                        createdAt: string;
                        regions: string[];
                        summary: unknown;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios/id",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios/id",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/scenarios/id",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios/id"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios/id",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteScenario: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios/id",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios/id",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/scenarios/id",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/scenarios/id",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios/id"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios/id",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScenarioDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scenario"];
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios/id/document",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios/id/document",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/scenarios/id/document",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios/id/document"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios/id/document",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScenarioWorkbook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios/id.xlsx",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios/id.xlsx",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/scenarios/id.xlsx",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios/id.xlsx"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios/id.xlsx",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScenarioTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/templates/scenario.xlsx",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/templates/scenario.xlsx",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/templates/scenario.xlsx"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/templates/scenario.xlsx",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listScenarioSolutions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            createdAt: string;
                            publishedVillages: number;
                        }[];
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios/id/solutions",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios/id/solutions",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/scenarios/id/solutions",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios/id/solutions"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios/id/solutions",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    solveScenario: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default optimal
                     * @enum {string}
                     */
                    mode?: "optimal" | "stable";
                    /**
                     * @default villages
                     * @enum {string}
                     */
                    proposing?: "villages" | "lawyers";
                    timeLimitS?: number;
                    weights?: {
                        /** @default 1 */
                        travelKm?: number;
                        /** @default 10 */
                        villagePreference?: number;
                        /** @default 5 */
                        lawyerPreference?: number;
                        /** @default 30 */
                        change?: number;
                        /** @default 2 */
                        load?: number;
                        /** @default 1000000 */
                        uncovered?: number;
                        /** @default 0.5 */
                        teamMember?: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobId: string;
                        job: {
                            id: string;
                            kind: string;
                            scenarioId: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            progress: number;
                            phase: string;
                            solutionId?: string;
                            calendarId?: string;
                            error?: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios/id/solve",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios/id/solve",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/scenarios/id/solve",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/scenarios/id/solve",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/scenarios/id/solve",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/scenarios/id/solve",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求过多(任务队列已满或超出频率限制),稍后再试 */
            429: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求过多",
                     *       "status": 429,
                     *       "instance": "/v1/scenarios/id/solve",
                     *       "detail": "该密钥已有 4 个任务排队或运行,已达单个密钥的上限;请等待其中一个结束",
                     *       "limit": 4
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios/id/solve"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios/id/solve",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        kind: string;
                        scenarioId: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                        progress: number;
                        phase: string;
                        solutionId?: string;
                        calendarId?: string;
                        error?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/jobs/jobId",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/jobs/jobId",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/jobs/jobId",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/jobs/jobId"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/jobs/jobId",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        kind: string;
                        scenarioId: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                        progress: number;
                        phase: string;
                        solutionId?: string;
                        calendarId?: string;
                        error?: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/jobs/jobId",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/jobs/jobId",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/jobs/jobId",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/jobs/jobId",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 与当前状态冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "冲突",
                     *       "status": 409,
                     *       "instance": "/v1/jobs/jobId",
                     *       "detail": "job 0b6f… is succeeded, not queued or running"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/jobs/jobId"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/jobs/jobId",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSolution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SolutionRecord"];
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBlockingPairs: {
        parameters: {
            query?: {
                after?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        solutionId: string;
                        count: number;
                        items: [
                            string,
                            string
                        ][];
                        next?: string;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id/blocking-pairs",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id/blocking-pairs",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id/blocking-pairs",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id/blocking-pairs"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id/blocking-pairs",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishSolution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        published: number;
                        skippedCount: number;
                        skipped: {
                            villageId: string;
                            /** @enum {string} */
                            reason: "owned-elsewhere" | "out-of-scope" | "unplaced";
                            ownerCountyId?: string;
                        }[];
                        publishedVillages: number;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id/publish",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id/publish",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id/publish",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/solutions/id/publish",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/solutions/id/publish",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id/publish"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id/publish",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unpublishSolution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        withdrawn: number;
                        publishedVillages: number;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id/publish",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id/publish",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id/publish",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id/publish"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id/publish",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewPublication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        published: number;
                        changes: {
                            new: number;
                            changed: number;
                            unchanged: number;
                        };
                        villages: {
                            villageId: string;
                            name: string;
                            town?: string;
                            county?: string;
                            /** @enum {string} */
                            change: "new" | "changed";
                            before: {
                                adviser: string;
                                firm: string;
                                publishedBy: string;
                            } | null;
                            after: {
                                adviser: string;
                                firm: string;
                            } | null;
                        }[];
                        skippedCount: number;
                        skipped: {
                            villageId: string;
                            /** @enum {string} */
                            reason: "owned-elsewhere" | "out-of-scope" | "unplaced";
                            ownerCountyId?: string;
                        }[];
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id/publish-preview",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id/publish-preview",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id/publish-preview",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id/publish-preview"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id/publish-preview",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportSolutionGeoJson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description GeoJSON FeatureCollection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        /** @enum {string} */
                        type: "FeatureCollection";
                        features: {
                            /** @enum {string} */
                            type: "Feature";
                            geometry: {
                                /** @enum {string} */
                                type: "Point" | "LineString";
                                coordinates: unknown[];
                            };
                            properties: {
                                /** @enum {string} */
                                layer: "village" | "lawyer-base" | "assignment";
                            } & {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id.geojson",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id.geojson",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id.geojson",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id.geojson"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id.geojson",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportSolutionCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 with BOM */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id.csv",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id.csv",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id.csv",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id.csv"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id.csv",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportSolutionXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id.xlsx",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id.xlsx",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id.xlsx",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id.xlsx"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id.xlsx",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importLawyers: {
        parameters: {
            query?: {
                mode?: "replace" | "append";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description the lawyers sheet, CSV or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/csv": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        name: string;
                        createdAt: string;
                        regions: string[];
                        summary: unknown;
                        import: {
                            /** @enum {string} */
                            kind: "lawyers" | "villages";
                            /** @enum {string} */
                            mode: "replace" | "append";
                            rows: number;
                            total: number;
                            sheet?: string;
                            headerRow: number;
                            columns: string[];
                            pruned: {
                                preferences: number;
                                baseline: number;
                                travelOverrides: number;
                            };
                        };
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios/id/import/lawyers",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios/id/import/lawyers",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/scenarios/id/import/lawyers",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/scenarios/id/import/lawyers",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/scenarios/id/import/lawyers",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/scenarios/id/import/lawyers",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 文档或变更有误(errors 列出每处问题及其路径) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容有误,无法处理",
                     *       "status": 422,
                     *       "instance": "/v1/scenarios/id/import/lawyers",
                     *       "detail": "情景有 1 处问题",
                     *       "errors": [
                     *         {
                     *           "path": "villages[3].townId",
                     *           "message": "unknown town T9",
                     *           "code": "unknown_reference"
                     *         }
                     *       ],
                     *       "errorCount": 1
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios/id/import/lawyers"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios/id/import/lawyers",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importVillages: {
        parameters: {
            query?: {
                mode?: "replace" | "append";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description the villages sheet, CSV or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/csv": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        name: string;
                        createdAt: string;
                        regions: string[];
                        summary: unknown;
                        import: {
                            /** @enum {string} */
                            kind: "lawyers" | "villages";
                            /** @enum {string} */
                            mode: "replace" | "append";
                            rows: number;
                            total: number;
                            sheet?: string;
                            headerRow: number;
                            columns: string[];
                            pruned: {
                                preferences: number;
                                baseline: number;
                                travelOverrides: number;
                            };
                        };
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios/id/import/villages",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios/id/import/villages",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/scenarios/id/import/villages",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/scenarios/id/import/villages",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/scenarios/id/import/villages",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/scenarios/id/import/villages",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 文档或变更有误(errors 列出每处问题及其路径) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容有误,无法处理",
                     *       "status": 422,
                     *       "instance": "/v1/scenarios/id/import/villages",
                     *       "detail": "情景有 1 处问题",
                     *       "errors": [
                     *         {
                     *           "path": "villages[3].townId",
                     *           "message": "unknown town T9",
                     *           "code": "unknown_reference"
                     *         }
                     *       ],
                     *       "errorCount": 1
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios/id/import/villages"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios/id/import/villages",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createScenarioVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    changes: ({
                        /** @enum {string} */
                        op: "replace-lawyer";
                        lawyerId: string;
                        by: {
                            id: string;
                            name: string;
                            firmId: string;
                            /** @enum {string} */
                            status: "practicing" | "intern";
                            /** @default [] */
                            specialties?: string[];
                            base?: [
                                number,
                                number
                            ];
                            maxVillages?: number;
                            monthlyHours?: number;
                            unavailable?: string[];
                            pairedAssistance?: boolean;
                            contact?: {
                                phone?: string;
                                email?: string;
                                wechat?: string;
                            };
                        } | string;
                    } | {
                        /** @enum {string} */
                        op: "remove-lawyer";
                        lawyerId: string;
                    } | {
                        /** @enum {string} */
                        op: "add-lawyer";
                        lawyer: {
                            id: string;
                            name: string;
                            firmId: string;
                            /** @enum {string} */
                            status: "practicing" | "intern";
                            /** @default [] */
                            specialties?: string[];
                            base?: [
                                number,
                                number
                            ];
                            maxVillages?: number;
                            monthlyHours?: number;
                            unavailable?: string[];
                            pairedAssistance?: boolean;
                            contact?: {
                                phone?: string;
                                email?: string;
                                wechat?: string;
                            };
                        };
                    } | {
                        /** @enum {string} */
                        op: "update-village";
                        villageId: string;
                        set: {
                            name?: string;
                            townId?: string;
                            /** @enum {string} */
                            kind?: "village" | "community";
                            location?: [
                                number,
                                number
                            ];
                            population?: number;
                            needs?: string[];
                            /** @enum {string} */
                            serviceMode?: "standard" | "flexible";
                            requests?: {
                                /** @default 0 */
                                eveningSchoolPerMonth?: number;
                                /** @default 0 */
                                weekendPerMonth?: number;
                            };
                        };
                    } | {
                        /** @enum {string} */
                        op: "set-policy";
                        set: {
                            maxVillagesPerLawyer?: number;
                            mode?: ("individual" | "team" | "firm-town") | {
                                [key: string]: "individual" | "team" | "firm-town";
                            };
                            maxTravelKm?: number;
                            candidatesPerVillage?: number;
                            travel?: {
                                detourFactor?: number;
                                speedKmh?: number;
                            };
                            team?: {
                                maxSize?: number;
                            };
                            firmTown?: {
                                maxTownsPerFirm?: number;
                                adjacencyKm?: number;
                            };
                            weights?: {
                                travelKm?: number;
                                villagePreference?: number;
                                lawyerPreference?: number;
                                change?: number;
                                load?: number;
                                uncovered?: number;
                                teamMember?: number;
                            };
                            service?: {
                                monthlyHours?: number;
                                minOnsiteVisitsPerMonth?: number;
                                maxRemoteShare?: number;
                                flexibleHalfYearOnsiteHours?: number;
                                eveningSchool?: {
                                    start?: string;
                                    end?: string;
                                };
                            };
                        };
                    })[];
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        parentId: string | null;
                        name: string;
                        createdAt: string;
                        regions: string[];
                        summary: unknown;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/scenarios/id/versions",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/scenarios/id/versions",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/scenarios/id/versions",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/scenarios/id/versions",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/scenarios/id/versions",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/scenarios/id/versions",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 文档或变更有误(errors 列出每处问题及其路径) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容有误,无法处理",
                     *       "status": 422,
                     *       "instance": "/v1/scenarios/id/versions",
                     *       "detail": "情景有 1 处问题",
                     *       "errors": [
                     *         {
                     *           "path": "villages[3].townId",
                     *           "message": "unknown town T9",
                     *           "code": "unknown_reference"
                     *         }
                     *       ],
                     *       "errorCount": 1
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/scenarios/id/versions"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/scenarios/id/versions",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replanSolution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    changes?: ({
                        /** @enum {string} */
                        op: "replace-lawyer";
                        lawyerId: string;
                        by: {
                            id: string;
                            name: string;
                            firmId: string;
                            /** @enum {string} */
                            status: "practicing" | "intern";
                            /** @default [] */
                            specialties?: string[];
                            base?: [
                                number,
                                number
                            ];
                            maxVillages?: number;
                            monthlyHours?: number;
                            unavailable?: string[];
                            pairedAssistance?: boolean;
                            contact?: {
                                phone?: string;
                                email?: string;
                                wechat?: string;
                            };
                        } | string;
                    } | {
                        /** @enum {string} */
                        op: "remove-lawyer";
                        lawyerId: string;
                    } | {
                        /** @enum {string} */
                        op: "add-lawyer";
                        lawyer: {
                            id: string;
                            name: string;
                            firmId: string;
                            /** @enum {string} */
                            status: "practicing" | "intern";
                            /** @default [] */
                            specialties?: string[];
                            base?: [
                                number,
                                number
                            ];
                            maxVillages?: number;
                            monthlyHours?: number;
                            unavailable?: string[];
                            pairedAssistance?: boolean;
                            contact?: {
                                phone?: string;
                                email?: string;
                                wechat?: string;
                            };
                        };
                    } | {
                        /** @enum {string} */
                        op: "update-village";
                        villageId: string;
                        set: {
                            name?: string;
                            townId?: string;
                            /** @enum {string} */
                            kind?: "village" | "community";
                            location?: [
                                number,
                                number
                            ];
                            population?: number;
                            needs?: string[];
                            /** @enum {string} */
                            serviceMode?: "standard" | "flexible";
                            requests?: {
                                /** @default 0 */
                                eveningSchoolPerMonth?: number;
                                /** @default 0 */
                                weekendPerMonth?: number;
                            };
                        };
                    } | {
                        /** @enum {string} */
                        op: "set-policy";
                        set: {
                            maxVillagesPerLawyer?: number;
                            mode?: ("individual" | "team" | "firm-town") | {
                                [key: string]: "individual" | "team" | "firm-town";
                            };
                            maxTravelKm?: number;
                            candidatesPerVillage?: number;
                            travel?: {
                                detourFactor?: number;
                                speedKmh?: number;
                            };
                            team?: {
                                maxSize?: number;
                            };
                            firmTown?: {
                                maxTownsPerFirm?: number;
                                adjacencyKm?: number;
                            };
                            weights?: {
                                travelKm?: number;
                                villagePreference?: number;
                                lawyerPreference?: number;
                                change?: number;
                                load?: number;
                                uncovered?: number;
                                teamMember?: number;
                            };
                            service?: {
                                monthlyHours?: number;
                                minOnsiteVisitsPerMonth?: number;
                                maxRemoteShare?: number;
                                flexibleHalfYearOnsiteHours?: number;
                                eveningSchool?: {
                                    start?: string;
                                    end?: string;
                                };
                            };
                        };
                    })[];
                    scope?: string;
                    name?: string;
                    weights?: {
                        /** @default 1 */
                        travelKm?: number;
                        /** @default 10 */
                        villagePreference?: number;
                        /** @default 5 */
                        lawyerPreference?: number;
                        /** @default 30 */
                        change?: number;
                        /** @default 2 */
                        load?: number;
                        /** @default 1000000 */
                        uncovered?: number;
                        /** @default 0.5 */
                        teamMember?: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobId: string;
                        scenarioId: string;
                        scope: string | null;
                        job: {
                            id: string;
                            kind: string;
                            scenarioId: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            progress: number;
                            phase: string;
                            solutionId?: string;
                            calendarId?: string;
                            error?: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id/replan",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id/replan",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/solutions/id/replan",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id/replan",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/solutions/id/replan",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/solutions/id/replan",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 文档或变更有误(errors 列出每处问题及其路径) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容有误,无法处理",
                     *       "status": 422,
                     *       "instance": "/v1/solutions/id/replan",
                     *       "detail": "情景有 1 处问题",
                     *       "errors": [
                     *         {
                     *           "path": "villages[3].townId",
                     *           "message": "unknown town T9",
                     *           "code": "unknown_reference"
                     *         }
                     *       ],
                     *       "errorCount": 1
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求过多(任务队列已满或超出频率限制),稍后再试 */
            429: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求过多",
                     *       "status": 429,
                     *       "instance": "/v1/solutions/id/replan",
                     *       "detail": "该密钥已有 4 个任务排队或运行,已达单个密钥的上限;请等待其中一个结束",
                     *       "limit": 4
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id/replan"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id/replan",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    compareSolutions: {
        parameters: {
            query: {
                a: string;
                b: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        a: {
                            id: string;
                            scenarioId: string;
                            metrics: {
                                status: string;
                                method: string;
                                objective: number;
                                travelKm: {
                                    total: number;
                                    mean: number;
                                    p95: number;
                                    max: number;
                                };
                                load: {
                                    histogram: {
                                        [key: string]: number;
                                    };
                                    max: number;
                                };
                                uncovered: number;
                                preferences: {
                                    villageRankHistogram: {
                                        [key: string]: number;
                                    };
                                    lawyerRankHistogram: {
                                        [key: string]: number;
                                    };
                                    blockingPairs: {
                                        count: number;
                                        villages: number;
                                    };
                                };
                                changes: {
                                    vsBaseline: number;
                                    byCounty: {
                                        [key: string]: number;
                                    };
                                    vacated: number;
                                };
                            };
                        };
                        b: {
                            id: string;
                            scenarioId: string;
                            metrics: {
                                status: string;
                                method: string;
                                objective: number;
                                travelKm: {
                                    total: number;
                                    mean: number;
                                    p95: number;
                                    max: number;
                                };
                                load: {
                                    histogram: {
                                        [key: string]: number;
                                    };
                                    max: number;
                                };
                                uncovered: number;
                                preferences: {
                                    villageRankHistogram: {
                                        [key: string]: number;
                                    };
                                    lawyerRankHistogram: {
                                        [key: string]: number;
                                    };
                                    blockingPairs: {
                                        count: number;
                                        villages: number;
                                    };
                                };
                                changes: {
                                    vsBaseline: number;
                                    byCounty: {
                                        [key: string]: number;
                                    };
                                    vacated: number;
                                };
                            };
                        };
                        moved: {
                            villageId: string;
                            from: string | null;
                            to: string | null;
                            village?: string;
                            town?: string;
                            county?: string;
                            fromName?: string;
                            toName?: string;
                            fromKm?: number;
                            toKm?: number;
                            extraKm?: number;
                        }[];
                        summary: {
                            moved: number;
                            reassigned: number;
                            newlyCovered: number;
                            newlyUncovered: number;
                            movedByCounty: {
                                [key: string]: number;
                            };
                            travelKmDelta: number;
                            meanKmDelta: number;
                            p95KmDelta: number;
                            maxKmDelta: number;
                            uncoveredDelta: number;
                            objectiveDelta: number;
                            blockingPairsDelta: number;
                            maxLoadDelta: number;
                            onlyInA: number;
                            onlyInB: number;
                        };
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/compare",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/compare",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/compare",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/compare"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/compare",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    explainVillage: {
        parameters: {
            query?: {
                ineligible?: number;
                beyond?: number;
            };
            header?: never;
            path: {
                id: string;
                villageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        solutionId: string;
                        village: {
                            id: string;
                            name: string;
                            townId: string;
                            countyId: string | null;
                        };
                        adviserId: string | null;
                        uncovered: {
                            reason: string;
                            detail: string;
                        } | null;
                        summary: string;
                        maxTravelKm: number;
                        candidates: {
                            lawyerId: string;
                            name: string;
                            firmId: string;
                            firmName: string;
                            /** @enum {string} */
                            status: "practicing" | "intern";
                            km: number;
                            /** @enum {string} */
                            role: "adviser" | "member" | "candidate" | "ineligible";
                            cost: {
                                travel: number;
                                villageRank: number;
                                lawyerRank: number;
                                change: number;
                                total: number;
                                villageListPosition: number | null;
                                lawyerListPosition: number | null;
                            } | null;
                            load: number;
                            cap: number;
                            pinned: boolean;
                            reasons: string[];
                        }[];
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id/villages/villageId/explain",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id/villages/villageId/explain",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id/villages/villageId/explain",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id/villages/villageId/explain"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id/villages/villageId/explain",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCalendars: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            solutionId: string;
                            scenarioId: string;
                            year: number;
                            months: string[];
                            provisional: boolean;
                            createdAt: string;
                            scope: string | null;
                        }[];
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id/calendars"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    year: number;
                    months?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobId: string;
                        job: {
                            id: string;
                            kind: string;
                            scenarioId: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            progress: number;
                            phase: string;
                            solutionId?: string;
                            calendarId?: string;
                            error?: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求过多(任务队列已满或超出频率限制),稍后再试 */
            429: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求过多",
                     *       "status": 429,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "该密钥已有 4 个任务排队或运行,已达单个密钥的上限;请等待其中一个结束",
                     *       "limit": 4
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/solutions/id/calendars"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/solutions/id/calendars",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarRecord"];
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/calendars/id",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/calendars/id",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/calendars/id",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/calendars/id"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/calendars/id",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportCalendarCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 with BOM */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/calendars/id.csv",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/calendars/id.csv",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/calendars/id.csv",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/calendars/id.csv"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/calendars/id.csv",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLawyerIcs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lawyerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description iCalendar (RFC 5545) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/calendars/id/lawyers/lawyerId.ics",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/calendars/id/lawyers/lawyerId.ics",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/calendars/id/lawyers/lawyerId.ics",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/calendars/id/lawyers/lawyerId.ics"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/calendars/id/lawyers/lawyerId.ics",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVillageIcs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                villageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description iCalendar (RFC 5545) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/calendars/id/villages/villageId.ics",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/calendars/id/villages/villageId.ics",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/calendars/id/villages/villageId.ics",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/calendars/id/villages/villageId.ics"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/calendars/id/villages/villageId.ics",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHolidays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        year: number;
                        provisional: boolean;
                        /** @enum {string} */
                        source: "loaded" | "shipped" | "computed";
                        updatedAt?: string;
                        table: {
                            /** @enum {string} */
                            schema: "ovola.holidays/v1";
                            year: number;
                            holidays: string[];
                            workdays: string[];
                            source?: string;
                        };
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/holidays/year",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/holidays/year",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/holidays/year"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/holidays/year",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putHolidays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HolidayTable"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        year: number;
                        provisional: boolean;
                        /** @enum {string} */
                        source: "loaded" | "shipped" | "computed";
                        updatedAt?: string;
                        table: {
                            /** @enum {string} */
                            schema: "ovola.holidays/v1";
                            year: number;
                            holidays: string[];
                            workdays: string[];
                            source?: string;
                        };
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/holidays/year",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/holidays/year",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/holidays/year",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/holidays/year",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/holidays/year",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 文档或变更有误(errors 列出每处问题及其路径) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容有误,无法处理",
                     *       "status": 422,
                     *       "instance": "/v1/holidays/year",
                     *       "detail": "情景有 1 处问题",
                     *       "errors": [
                     *         {
                     *           "path": "villages[3].townId",
                     *           "message": "unknown town T9",
                     *           "code": "unknown_reference"
                     *         }
                     *       ],
                     *       "errorCount": 1
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/holidays/year"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/holidays/year",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDivisions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        schema: "ovola.divisions/v1";
                        loadedAt: string;
                        loadedBy: string;
                        regions: number;
                        villages: number;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/divisions",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/divisions",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/divisions",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/divisions"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/divisions",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putDivisions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Divisions"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        schema: "ovola.divisions/v1";
                        loadedAt: string;
                        loadedBy: string;
                        regions: number;
                        villages: number;
                        withdrawn: number;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/divisions",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/divisions",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/divisions",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/divisions",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/divisions",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 文档或变更有误(errors 列出每处问题及其路径) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容有误,无法处理",
                     *       "status": 422,
                     *       "instance": "/v1/divisions",
                     *       "detail": "情景有 1 处问题",
                     *       "errors": [
                     *         {
                     *           "path": "villages[3].townId",
                     *           "message": "unknown town T9",
                     *           "code": "unknown_reference"
                     *         }
                     *       ],
                     *       "errorCount": 1
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/divisions"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/divisions",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDivisionsDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Divisions"];
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/divisions/document",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/divisions/document",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/divisions/document",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/divisions/document"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/divisions/document",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVillageOwner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                villageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        villageId: string;
                        owner: {
                            countyId: string;
                            cityId: string | null;
                            /** @enum {string} */
                            source: "registry" | "claim";
                        } | null;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/villages/villageId/owner"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setVillageOwner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                villageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    countyId: string;
                    cityId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        villageId: string;
                        owner: {
                            countyId: string;
                            cityId: string | null;
                            /** @enum {string} */
                            source: "registry" | "claim";
                        } | null;
                        withdrawn: boolean;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 与当前状态冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "冲突",
                     *       "status": 409,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "job 0b6f… is succeeded, not queued or running"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/villages/villageId/owner"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/villages/villageId/owner",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            label: string;
                            scope: string;
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        }[];
                        nextCursor?: string;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/keys",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/keys",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/keys",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/keys"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/keys",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    scope: string;
                    label: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        id: string;
                        scope: string;
                        label: string;
                        createdAt: string;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/keys",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/keys",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/keys",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或文档过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "内容过大",
                     *       "status": 413,
                     *       "instance": "/v1/keys",
                     *       "detail": "请求内容超过本接口接受的 16 MB",
                     *       "errors": [
                     *         {
                     *           "path": "body",
                     *           "message": "超过本接口接受的 16 MB",
                     *           "code": "too_large"
                     *         }
                     *       ],
                     *       "errorCount": 1,
                     *       "limit": 16777216
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体的内容类型不受支持 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "不支持的内容类型",
                     *       "status": 415,
                     *       "instance": "/v1/keys",
                     *       "detail": "请以 application/json 格式发送文档"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/keys"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/keys",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/keys/id",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/keys/id",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/keys/id",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/keys/id",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/keys/id"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/keys/id",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAudit: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                region?: string;
                from?: string;
                to?: string;
                keyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            at: string;
                            keyId: string | null;
                            keyLabel: string | null;
                            scope: string | null;
                            method: string;
                            route: string;
                            target: string | null;
                            region: string | null;
                            status: number;
                            detail: string | null;
                        }[];
                        nextCursor?: string;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/audit",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/audit",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 密钥无权执行此操作(原因见 detail) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "无权执行此操作",
                     *       "status": 403,
                     *       "instance": "/v1/audit",
                     *       "detail": "只有管理员密钥可以执行此操作"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/audit"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/audit",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        label: string;
                        scope: string;
                        /** @enum {string} */
                        kind: "admin" | "city" | "county";
                        code?: string;
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/me",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/me",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/me"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/me",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCountyNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                countyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        county?: string;
                        city?: string;
                        items: {
                            village: {
                                id: string;
                                name: string;
                                town?: string;
                                county?: string;
                                city?: string;
                            };
                            adviser: {
                                name: string;
                                firm: string;
                                phone?: string;
                                email?: string;
                                wechat?: string;
                            } | null;
                            serviceContent: string;
                            serviceTimes: string;
                            nextVisits: {
                                date: string;
                                weekday: string;
                                start: string;
                                end: string;
                                /** @enum {string} */
                                kind: "onsite" | "evening-school" | "weekend" | "remote";
                                kindName: string;
                            }[];
                            supervisingBureau: {
                                bureau: string;
                                phone: string;
                                email: string;
                            } | null;
                            complaintEmail: string | null;
                            publishedBy: string;
                            publishedAt: string;
                        }[];
                    };
                };
            };
            /** @description 请求有误:参数、查询或请求体不符合要求(errors 列出每个字段) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "请求有误",
                     *       "status": 400,
                     *       "instance": "/v1/notices/countyId",
                     *       "detail": "请求的查询参数不符合要求",
                     *       "errors": [
                     *         {
                     *           "path": "querystring.limit",
                     *           "message": "too big: expected at most 100",
                     *           "code": "too_big"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未通过身份验证",
                     *       "status": 401,
                     *       "instance": "/v1/notices/countyId",
                     *       "detail": "请在请求头中提供 API 密钥:Authorization: Bearer <密钥>"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 对象不存在,或密钥无权读取 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "未找到",
                     *       "status": 404,
                     *       "instance": "/v1/notices/countyId",
                     *       "detail": "情景\"0b6f…\"不存在"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务器内部错误 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务器内部错误",
                     *       "status": 500,
                     *       "instance": "/v1/notices/countyId"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂时不可用(存储无响应或服务繁忙),稍后再试 */
            503: {
                headers: {
                    /** @description seconds to wait before trying again */
                    "retry-after"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "服务暂时不可用",
                     *       "status": 503,
                     *       "instance": "/v1/notices/countyId",
                     *       "detail": "数据存储暂时无法访问,请稍后再试"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
