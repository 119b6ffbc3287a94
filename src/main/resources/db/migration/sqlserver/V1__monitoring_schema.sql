-- MonitoringWorker store schema, SQL Server dialect (T-SQL). Production store: the PopAI database.
-- Adopts an existing deployment: each table is created only when missing (OBJECT_ID), each column is
-- added only when missing (COL_LENGTH), so rows already present are kept. Nothing is dropped or rewritten.
-- Runs on SQL Server 2016 and later and on the TDS engine the tests use (see the README's store table).

IF SCHEMA_ID(N'monitoring') IS NULL EXEC(N'CREATE SCHEMA monitoring');
GO

-- WorkerInstances ---------------------------------------------------------------------------------
IF OBJECT_ID(N'monitoring.WorkerInstances', N'U') IS NULL
    CREATE TABLE monitoring.WorkerInstances (
        WorkerInstanceId UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_WorkerInstances PRIMARY KEY CONSTRAINT DF_WorkerInstances_WorkerInstanceId DEFAULT NEWSEQUENTIALID()
    );
IF COL_LENGTH(N'monitoring.WorkerInstances', N'WorkerName') IS NULL ALTER TABLE monitoring.WorkerInstances ADD WorkerName NVARCHAR(200) NULL;
IF COL_LENGTH(N'monitoring.WorkerInstances', N'MachineName') IS NULL ALTER TABLE monitoring.WorkerInstances ADD MachineName NVARCHAR(200) NULL;
IF COL_LENGTH(N'monitoring.WorkerInstances', N'ProcessId') IS NULL ALTER TABLE monitoring.WorkerInstances ADD ProcessId INT NULL;
IF COL_LENGTH(N'monitoring.WorkerInstances', N'Version') IS NULL ALTER TABLE monitoring.WorkerInstances ADD Version NVARCHAR(50) NULL;
IF COL_LENGTH(N'monitoring.WorkerInstances', N'Environment') IS NULL ALTER TABLE monitoring.WorkerInstances ADD Environment NVARCHAR(50) NULL;
IF COL_LENGTH(N'monitoring.WorkerInstances', N'Status') IS NULL ALTER TABLE monitoring.WorkerInstances ADD Status NVARCHAR(20) NOT NULL CONSTRAINT DF_WorkerInstances_Status DEFAULT N'Starting';
IF COL_LENGTH(N'monitoring.WorkerInstances', N'StartedAt') IS NULL ALTER TABLE monitoring.WorkerInstances ADD StartedAt DATETIME2 NOT NULL CONSTRAINT DF_WorkerInstances_StartedAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.WorkerInstances', N'LastHeartbeatAt') IS NULL ALTER TABLE monitoring.WorkerInstances ADD LastHeartbeatAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.WorkerInstances', N'StoppedAt') IS NULL ALTER TABLE monitoring.WorkerInstances ADD StoppedAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.WorkerInstances', N'Configuration') IS NULL ALTER TABLE monitoring.WorkerInstances ADD Configuration NVARCHAR(MAX) NULL CONSTRAINT CK_WorkerInstances_Configuration CHECK (Configuration IS NULL OR ISJSON(Configuration) = 1);
IF COL_LENGTH(N'monitoring.WorkerInstances', N'CreatedAt') IS NULL ALTER TABLE monitoring.WorkerInstances ADD CreatedAt DATETIME2 NOT NULL CONSTRAINT DF_WorkerInstances_CreatedAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.WorkerInstances', N'CreatedBy') IS NULL ALTER TABLE monitoring.WorkerInstances ADD CreatedBy NVARCHAR(128) NOT NULL CONSTRAINT DF_WorkerInstances_CreatedBy DEFAULT SUSER_SNAME();
IF COL_LENGTH(N'monitoring.WorkerInstances', N'ModifiedAt') IS NULL ALTER TABLE monitoring.WorkerInstances ADD ModifiedAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.WorkerInstances', N'ModifiedBy') IS NULL ALTER TABLE monitoring.WorkerInstances ADD ModifiedBy NVARCHAR(128) NULL;
GO

-- DatabaseConnections -----------------------------------------------------------------------------
IF OBJECT_ID(N'monitoring.DatabaseConnections', N'U') IS NULL
    CREATE TABLE monitoring.DatabaseConnections (
        ConnectionId UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_DatabaseConnections PRIMARY KEY CONSTRAINT DF_DatabaseConnections_ConnectionId DEFAULT NEWSEQUENTIALID()
    );
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'ConnectionName') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD ConnectionName NVARCHAR(200) NULL;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'Provider') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD Provider NVARCHAR(50) NULL;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'ConnectionString') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD ConnectionString NVARCHAR(MAX) NULL;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'Environment') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD Environment NVARCHAR(50) NULL;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'IsEnabled') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD IsEnabled BIT NOT NULL CONSTRAINT DF_DatabaseConnections_IsEnabled DEFAULT 1;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'ConnectionTimeoutSeconds') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD ConnectionTimeoutSeconds INT NOT NULL CONSTRAINT DF_DatabaseConnections_ConnectionTimeout DEFAULT 15;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'CommandTimeoutSeconds') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD CommandTimeoutSeconds INT NOT NULL CONSTRAINT DF_DatabaseConnections_CommandTimeout DEFAULT 30;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'MaxConcurrency') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD MaxConcurrency INT NOT NULL CONSTRAINT DF_DatabaseConnections_MaxConcurrency DEFAULT 2;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'Tags') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD Tags NVARCHAR(500) NULL;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'Description') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD Description NVARCHAR(1000) NULL;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'CreatedAt') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD CreatedAt DATETIME2 NOT NULL CONSTRAINT DF_DatabaseConnections_CreatedAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'CreatedBy') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD CreatedBy NVARCHAR(128) NOT NULL CONSTRAINT DF_DatabaseConnections_CreatedBy DEFAULT SUSER_SNAME();
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'ModifiedAt') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD ModifiedAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.DatabaseConnections', N'ModifiedBy') IS NULL ALTER TABLE monitoring.DatabaseConnections ADD ModifiedBy NVARCHAR(128) NULL;
GO

-- DatabaseQueries ---------------------------------------------------------------------------------
IF OBJECT_ID(N'monitoring.DatabaseQueries', N'U') IS NULL
    CREATE TABLE monitoring.DatabaseQueries (
        QueryId UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_DatabaseQueries PRIMARY KEY CONSTRAINT DF_DatabaseQueries_QueryId DEFAULT NEWSEQUENTIALID()
    );
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'QueryName') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD QueryName NVARCHAR(200) NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'QueryType') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD QueryType NVARCHAR(50) NOT NULL CONSTRAINT DF_DatabaseQueries_QueryType DEFAULT N'Custom';
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'SqlQuery') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD SqlQuery NVARCHAR(MAX) NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'ResultType') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD ResultType NVARCHAR(20) NOT NULL CONSTRAINT DF_DatabaseQueries_ResultType DEFAULT N'Scalar';
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'Description') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD Description NVARCHAR(1000) NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'Provider') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD Provider NVARCHAR(50) NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'WarningThreshold') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD WarningThreshold FLOAT NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'CriticalThreshold') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD CriticalThreshold FLOAT NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'ComparisonOperator') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD ComparisonOperator NVARCHAR(30) NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'IntervalSeconds') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD IntervalSeconds INT NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'TimeoutSeconds') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD TimeoutSeconds INT NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'MaxRows') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD MaxRows INT NOT NULL CONSTRAINT DF_DatabaseQueries_MaxRows DEFAULT 100;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'AllowWrite') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD AllowWrite BIT NOT NULL CONSTRAINT DF_DatabaseQueries_AllowWrite DEFAULT 0;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'IsEnabled') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD IsEnabled BIT NOT NULL CONSTRAINT DF_DatabaseQueries_IsEnabled DEFAULT 1;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'CreatedAt') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD CreatedAt DATETIME2 NOT NULL CONSTRAINT DF_DatabaseQueries_CreatedAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'CreatedBy') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD CreatedBy NVARCHAR(128) NOT NULL CONSTRAINT DF_DatabaseQueries_CreatedBy DEFAULT SUSER_SNAME();
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'ModifiedAt') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD ModifiedAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'ModifiedBy') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD ModifiedBy NVARCHAR(128) NULL;
GO

-- WorkerJobs --------------------------------------------------------------------------------------
IF OBJECT_ID(N'monitoring.WorkerJobs', N'U') IS NULL
    CREATE TABLE monitoring.WorkerJobs (
        JobId UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_WorkerJobs PRIMARY KEY CONSTRAINT DF_WorkerJobs_JobId DEFAULT NEWSEQUENTIALID()
    );
IF COL_LENGTH(N'monitoring.WorkerJobs', N'WorkerInstanceId') IS NULL ALTER TABLE monitoring.WorkerJobs ADD WorkerInstanceId UNIQUEIDENTIFIER NULL CONSTRAINT FK_WorkerJobs_WorkerInstances REFERENCES monitoring.WorkerInstances (WorkerInstanceId);
IF COL_LENGTH(N'monitoring.WorkerJobs', N'JobType') IS NULL ALTER TABLE monitoring.WorkerJobs ADD JobType NVARCHAR(50) NOT NULL CONSTRAINT DF_WorkerJobs_JobType DEFAULT N'DatabaseMonitoring';
IF COL_LENGTH(N'monitoring.WorkerJobs', N'JobName') IS NULL ALTER TABLE monitoring.WorkerJobs ADD JobName NVARCHAR(200) NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'Priority') IS NULL ALTER TABLE monitoring.WorkerJobs ADD Priority INT NOT NULL CONSTRAINT DF_WorkerJobs_Priority DEFAULT 5 CONSTRAINT CK_WorkerJobs_Priority CHECK (Priority BETWEEN 1 AND 10);
IF COL_LENGTH(N'monitoring.WorkerJobs', N'Status') IS NULL ALTER TABLE monitoring.WorkerJobs ADD Status NVARCHAR(20) NOT NULL CONSTRAINT DF_WorkerJobs_Status DEFAULT N'Pending';
IF COL_LENGTH(N'monitoring.WorkerJobs', N'ConnectionId') IS NULL ALTER TABLE monitoring.WorkerJobs ADD ConnectionId UNIQUEIDENTIFIER NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'QueryId') IS NULL ALTER TABLE monitoring.WorkerJobs ADD QueryId UNIQUEIDENTIFIER NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'Environment') IS NULL ALTER TABLE monitoring.WorkerJobs ADD Environment NVARCHAR(50) NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'Parameters') IS NULL ALTER TABLE monitoring.WorkerJobs ADD Parameters NVARCHAR(MAX) NULL CONSTRAINT CK_WorkerJobs_Parameters CHECK (Parameters IS NULL OR ISJSON(Parameters) = 1);
IF COL_LENGTH(N'monitoring.WorkerJobs', N'ScheduledAt') IS NULL ALTER TABLE monitoring.WorkerJobs ADD ScheduledAt DATETIME2 NOT NULL CONSTRAINT DF_WorkerJobs_ScheduledAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.WorkerJobs', N'StartedAt') IS NULL ALTER TABLE monitoring.WorkerJobs ADD StartedAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'CompletedAt') IS NULL ALTER TABLE monitoring.WorkerJobs ADD CompletedAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'LeaseExpiresAt') IS NULL ALTER TABLE monitoring.WorkerJobs ADD LeaseExpiresAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'Attempt') IS NULL ALTER TABLE monitoring.WorkerJobs ADD Attempt INT NOT NULL CONSTRAINT DF_WorkerJobs_Attempt DEFAULT 0;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'MaxAttempts') IS NULL ALTER TABLE monitoring.WorkerJobs ADD MaxAttempts INT NOT NULL CONSTRAINT DF_WorkerJobs_MaxAttempts DEFAULT 3;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'NextAttemptAt') IS NULL ALTER TABLE monitoring.WorkerJobs ADD NextAttemptAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'LastError') IS NULL ALTER TABLE monitoring.WorkerJobs ADD LastError NVARCHAR(MAX) NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'ResultSummary') IS NULL ALTER TABLE monitoring.WorkerJobs ADD ResultSummary NVARCHAR(MAX) NULL CONSTRAINT CK_WorkerJobs_ResultSummary CHECK (ResultSummary IS NULL OR ISJSON(ResultSummary) = 1);
IF COL_LENGTH(N'monitoring.WorkerJobs', N'DurationMs') IS NULL ALTER TABLE monitoring.WorkerJobs ADD DurationMs BIGINT NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'DedupeKey') IS NULL ALTER TABLE monitoring.WorkerJobs ADD DedupeKey NVARCHAR(200) NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'CreatedAt') IS NULL ALTER TABLE monitoring.WorkerJobs ADD CreatedAt DATETIME2 NOT NULL CONSTRAINT DF_WorkerJobs_CreatedAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.WorkerJobs', N'CreatedBy') IS NULL ALTER TABLE monitoring.WorkerJobs ADD CreatedBy NVARCHAR(128) NOT NULL CONSTRAINT DF_WorkerJobs_CreatedBy DEFAULT SUSER_SNAME();
IF COL_LENGTH(N'monitoring.WorkerJobs', N'ModifiedAt') IS NULL ALTER TABLE monitoring.WorkerJobs ADD ModifiedAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.WorkerJobs', N'ModifiedBy') IS NULL ALTER TABLE monitoring.WorkerJobs ADD ModifiedBy NVARCHAR(128) NULL;
GO

-- DatabaseMonitoringResults -----------------------------------------------------------------------
IF OBJECT_ID(N'monitoring.DatabaseMonitoringResults', N'U') IS NULL
    CREATE TABLE monitoring.DatabaseMonitoringResults (
        ResultId UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Results PRIMARY KEY CONSTRAINT DF_Results_ResultId DEFAULT NEWSEQUENTIALID()
    );
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'JobId') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD JobId UNIQUEIDENTIFIER NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'ConnectionId') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD ConnectionId UNIQUEIDENTIFIER NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'QueryId') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD QueryId UNIQUEIDENTIFIER NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'WorkerInstanceId') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD WorkerInstanceId UNIQUEIDENTIFIER NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'Attempt') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD Attempt INT NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'Environment') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD Environment NVARCHAR(50) NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'Provider') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD Provider NVARCHAR(50) NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'Status') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD Status NVARCHAR(20) NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'ResultValue') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD ResultValue FLOAT NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'ResultText') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD ResultText NVARCHAR(4000) NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'ResultRowCount') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD ResultRowCount INT NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'DurationMs') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD DurationMs BIGINT NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'ErrorMessage') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD ErrorMessage NVARCHAR(4000) NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'Details') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD Details NVARCHAR(MAX) NULL CONSTRAINT CK_Results_Details CHECK (Details IS NULL OR ISJSON(Details) = 1);
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'QueryHash') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD QueryHash NVARCHAR(64) NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'ExecutedAt') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD ExecutedAt DATETIME2 NOT NULL CONSTRAINT DF_Results_ExecutedAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'CreatedAt') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD CreatedAt DATETIME2 NOT NULL CONSTRAINT DF_Results_CreatedAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'CreatedBy') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD CreatedBy NVARCHAR(128) NOT NULL CONSTRAINT DF_Results_CreatedBy DEFAULT SUSER_SNAME();
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'ModifiedAt') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD ModifiedAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.DatabaseMonitoringResults', N'ModifiedBy') IS NULL ALTER TABLE monitoring.DatabaseMonitoringResults ADD ModifiedBy NVARCHAR(128) NULL;
GO

-- WorkerMetrics -----------------------------------------------------------------------------------
IF OBJECT_ID(N'monitoring.WorkerMetrics', N'U') IS NULL
    CREATE TABLE monitoring.WorkerMetrics (
        MetricId UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_WorkerMetrics PRIMARY KEY CONSTRAINT DF_WorkerMetrics_MetricId DEFAULT NEWSEQUENTIALID()
    );
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'WorkerInstanceId') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD WorkerInstanceId UNIQUEIDENTIFIER NULL;
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'MetricType') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD MetricType NVARCHAR(30) NULL;
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'MetricName') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD MetricName NVARCHAR(200) NULL;
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'MetricValue') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD MetricValue FLOAT NULL;
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'Unit') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD Unit NVARCHAR(30) NULL;
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'Tags') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD Tags NVARCHAR(1000) NULL;
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'RecordedAt') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD RecordedAt DATETIME2 NOT NULL CONSTRAINT DF_WorkerMetrics_RecordedAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'CreatedAt') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD CreatedAt DATETIME2 NOT NULL CONSTRAINT DF_WorkerMetrics_CreatedAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'CreatedBy') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD CreatedBy NVARCHAR(128) NOT NULL CONSTRAINT DF_WorkerMetrics_CreatedBy DEFAULT SUSER_SNAME();
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'ModifiedAt') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD ModifiedAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.WorkerMetrics', N'ModifiedBy') IS NULL ALTER TABLE monitoring.WorkerMetrics ADD ModifiedBy NVARCHAR(128) NULL;
GO

-- Config (exists in PopAI; created if absent) ----------------------------------------------------
IF OBJECT_ID(N'monitoring.Config', N'U') IS NULL
    CREATE TABLE monitoring.Config (
        ConfigKey NVARCHAR(200) NOT NULL CONSTRAINT PK_Config PRIMARY KEY
    );
IF COL_LENGTH(N'monitoring.Config', N'ConfigValue') IS NULL ALTER TABLE monitoring.Config ADD ConfigValue NVARCHAR(4000) NULL;
IF COL_LENGTH(N'monitoring.Config', N'Description') IS NULL ALTER TABLE monitoring.Config ADD Description NVARCHAR(1000) NULL;
IF COL_LENGTH(N'monitoring.Config', N'CreatedAt') IS NULL ALTER TABLE monitoring.Config ADD CreatedAt DATETIME2 NOT NULL CONSTRAINT DF_Config_CreatedAt DEFAULT SYSUTCDATETIME();
IF COL_LENGTH(N'monitoring.Config', N'CreatedBy') IS NULL ALTER TABLE monitoring.Config ADD CreatedBy NVARCHAR(128) NOT NULL CONSTRAINT DF_Config_CreatedBy DEFAULT SUSER_SNAME();
IF COL_LENGTH(N'monitoring.Config', N'ModifiedAt') IS NULL ALTER TABLE monitoring.Config ADD ModifiedAt DATETIME2 NULL;
IF COL_LENGTH(N'monitoring.Config', N'ModifiedBy') IS NULL ALTER TABLE monitoring.Config ADD ModifiedBy NVARCHAR(128) NULL;
GO

-- Indexes (filtered where only some rows matter) -------------------------------------------------
-- An index is looked up by its name, or by the name the TDS engine's catalog gives it (the first 31
-- characters of <name><table> in lower case, then 32 hex digits), so the guards hold on SQL Server and on that engine alike.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.DatabaseConnections')
                AND (name = N'UX_DatabaseConnections_ConnectionName' OR name LIKE N'ux[_]databaseconnections[_]connecti' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE UNIQUE INDEX UX_DatabaseConnections_ConnectionName ON monitoring.DatabaseConnections (ConnectionName) WHERE ConnectionName IS NOT NULL;
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.DatabaseConnections')
                AND (name = N'IX_DatabaseConnections_Environment_Provider' OR name LIKE N'ix[_]databaseconnections[_]environm' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_DatabaseConnections_Environment_Provider ON monitoring.DatabaseConnections (Environment, Provider);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.DatabaseQueries')
                AND (name = N'UX_DatabaseQueries_QueryName' OR name LIKE N'ux[_]databasequeries[_]querynamedat' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE UNIQUE INDEX UX_DatabaseQueries_QueryName ON monitoring.DatabaseQueries (QueryName) WHERE QueryName IS NOT NULL;
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.WorkerInstances')
                AND (name = N'IX_WorkerInstances_Status' OR name LIKE N'ix[_]workerinstances[_]statusworker' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_WorkerInstances_Status ON monitoring.WorkerInstances (Status, LastHeartbeatAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.WorkerJobs')
                AND (name = N'IX_WorkerJobs_Claim' OR name LIKE N'ix[_]workerjobs[_]claimworkerjobs' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_WorkerJobs_Claim ON monitoring.WorkerJobs (Priority, ScheduledAt) INCLUDE (NextAttemptAt, WorkerInstanceId) WHERE Status = N'Pending';
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.WorkerJobs')
                AND (name = N'IX_WorkerJobs_Lease' OR name LIKE N'ix[_]workerjobs[_]leaseworkerjobs' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_WorkerJobs_Lease ON monitoring.WorkerJobs (LeaseExpiresAt) WHERE Status = N'Running';
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.WorkerJobs')
                AND (name = N'IX_WorkerJobs_Status_Priority' OR name LIKE N'ix[_]workerjobs[_]status[_]prioritywo' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_WorkerJobs_Status_Priority ON monitoring.WorkerJobs (Status, Priority);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.WorkerJobs')
                AND (name = N'UX_WorkerJobs_DedupeKey' OR name LIKE N'ux[_]workerjobs[_]dedupekeyworkerjo' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE UNIQUE INDEX UX_WorkerJobs_DedupeKey ON monitoring.WorkerJobs (DedupeKey) WHERE DedupeKey IS NOT NULL;
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.DatabaseMonitoringResults')
                AND (name = N'UX_Results_Job_Connection_Query' OR name LIKE N'ux[_]results[_]job[_]connection[_]query' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE UNIQUE INDEX UX_Results_Job_Connection_Query ON monitoring.DatabaseMonitoringResults (JobId, ConnectionId, QueryId) WHERE JobId IS NOT NULL;
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.DatabaseMonitoringResults')
                AND (name = N'IX_Results_ExecutedAt' OR name LIKE N'ix[_]results[_]executedatdatabasemo' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_Results_ExecutedAt ON monitoring.DatabaseMonitoringResults (ExecutedAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.DatabaseMonitoringResults')
                AND (name = N'IX_Results_Connection_Query_ExecutedAt' OR name LIKE N'ix[_]results[_]connection[_]query[_]exe' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_Results_Connection_Query_ExecutedAt ON monitoring.DatabaseMonitoringResults (ConnectionId, QueryId, ExecutedAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.DatabaseMonitoringResults')
                AND (name = N'IX_Results_Environment_Provider' OR name LIKE N'ix[_]results[_]environment[_]provider' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_Results_Environment_Provider ON monitoring.DatabaseMonitoringResults (Environment, Provider, ExecutedAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.WorkerMetrics')
                AND (name = N'IX_WorkerMetrics_RecordedAt' OR name LIKE N'ix[_]workermetrics[_]recordedatwork' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_WorkerMetrics_RecordedAt ON monitoring.WorkerMetrics (RecordedAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'monitoring.WorkerMetrics')
                AND (name = N'IX_WorkerMetrics_Worker_RecordedAt' OR name LIKE N'ix[_]workermetrics[_]worker[_]recorde' + REPLICATE(N'[0-9a-f]', 32)))
    CREATE INDEX IX_WorkerMetrics_Worker_RecordedAt ON monitoring.WorkerMetrics (WorkerInstanceId, RecordedAt);
GO

-- Seed rows, only when absent -------------------------------------------------------------------
IF NOT EXISTS (SELECT 1 FROM monitoring.DatabaseQueries WHERE QueryName = N'Connection Test')
    INSERT INTO monitoring.DatabaseQueries (QueryName, QueryType, SqlQuery, ResultType, Description, IntervalSeconds)
    VALUES (N'Connection Test', N'HealthCheck', N'SELECT 1', N'Scalar', N'Basic connectivity check', 60);

IF NOT EXISTS (SELECT 1 FROM monitoring.Config WHERE ConfigKey = N'MonitoringWorker.RetentionDays')
    INSERT INTO monitoring.Config (ConfigKey, ConfigValue, Description)
    VALUES (N'MonitoringWorker.RetentionDays', N'30', N'Days of results, metrics and finished jobs to keep');
GO
