// App Service (Linux, Node 24 LTS) running `node dist/bot/index.js`, health-checked on /readyz.
// appSettings below are Puente's environment (bot/config.ts); test/deploy/infra.test.ts checks
// that they satisfy the config schema in production mode, so the two cannot drift.
param location string
param tags object
param planName string
param siteName string
param sku string
param identityId string
param identityClientId string
param logAnalyticsId string
param appInsightsConnectionString string
param cosmosEndpoint string
param cosmosDatabase string
param cosmosKeySecretUri string
param microsoftAppId string
param microsoftAppType string
param microsoftAppPasswordSecretUri string
param publicBaseUrl string
param programTimeZone string
param defaultLocale string
param clinicPhone string
param staffTeamsConversationId string
param staffTeamsServiceUrl string
param staffOidcIssuer string
param staffOidcClientId string
param staffOidcClientSecretUri string

/** An App Service Key Vault reference, or empty (= unset) when there is no secret. */
func keyVaultRef(secretUri string) string => empty(secretUri) ? '' : '@Microsoft.KeyVault(SecretUri=${secretUri})'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: sku }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  tags: union(tags, { 'azd-service-name': 'puente' })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/bot/index.js'
      healthCheckPath: '/readyz'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'NODE_OPTIONS'
          value: '--max-old-space-size=256'
        }
        {
          // Build on the server (Oryx) what azd uploads (.webappignore). Oryx runs CUSTOM_BUILD_COMMAND
          // instead of its npm install + npm run build (Microsoft Learn, "Configure a Node.js app for
          // Azure App Service"; Oryx docs, "Oryx configuration" and "How Node.js apps are detected and built").
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          // The Dockerfile's build steps: NODE_ENV=production would make a plain npm install skip the compiler.
          name: 'CUSTOM_BUILD_COMMAND'
          value: 'npm ci --include=dev --no-audit --no-fund && npm run build && npm prune --omit=dev'
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
        {
          name: 'STORE'
          value: 'cosmos'
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmosEndpoint
        }
        {
          name: 'COSMOS_DATABASE'
          value: cosmosDatabase
        }
        {
          name: 'COSMOS_KEY'
          value: keyVaultRef(cosmosKeySecretUri)
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          name: 'MicrosoftAppId'
          value: microsoftAppId
        }
        {
          name: 'MicrosoftAppType'
          value: microsoftAppType
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenant().tenantId
        }
        {
          name: 'MicrosoftAppPassword'
          value: keyVaultRef(microsoftAppPasswordSecretUri)
        }
        {
          name: 'PUBLIC_BASE_URL'
          value: publicBaseUrl
        }
        {
          name: 'STAFF_TRUST_PROXY'
          value: 'true'
        }
        {
          name: 'PROGRAM_TIMEZONE'
          value: programTimeZone
        }
        {
          name: 'DEFAULT_LOCALE'
          value: defaultLocale
        }
        {
          name: 'CLINIC_PHONE'
          value: clinicPhone
        }
        {
          name: 'STAFF_TEAMS_CONVERSATION_ID'
          value: staffTeamsConversationId
        }
        {
          name: 'STAFF_TEAMS_SERVICE_URL'
          value: staffTeamsServiceUrl
        }
        {
          name: 'STAFF_TEAMS_TENANT_ID'
          value: empty(staffTeamsConversationId) ? '' : tenant().tenantId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsightsConnectionString
        }
        {
          name: 'STAFF_OIDC_ISSUER'
          value: staffOidcIssuer
        }
        {
          name: 'STAFF_OIDC_CLIENT_ID'
          value: staffOidcClientId
        }
        {
          name: 'STAFF_OIDC_CLIENT_SECRET'
          value: keyVaultRef(staffOidcClientSecretUri)
        }
      ]
    }
  }
}

// Console output (Puente's JSON logs), HTTP access logs and platform events go to Log Analytics.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'logs-to-workspace'
  properties: {
    workspaceId: logAnalyticsId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output defaultHostName string = site.properties.defaultHostName
