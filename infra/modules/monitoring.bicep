// Where logs and metrics go: one Log Analytics workspace, and Application Insights on top of it.
param location string
param tags object
param logAnalyticsName string
param appInsightsName string

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry carries ids only (README "Privacy"); no IP addresses either.
    DisableIpMasking: false
  }
}

output logAnalyticsId string = logs.id
output appInsightsConnectionString string = insights.properties.ConnectionString
